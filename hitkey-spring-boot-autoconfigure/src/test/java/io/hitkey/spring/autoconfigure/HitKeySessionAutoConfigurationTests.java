package io.hitkey.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.jackson.SecurityJacksonModule;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link HitKeySessionAutoConfiguration}.
 */
class HitKeySessionAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HitKeyAutoConfiguration.class, HitKeySessionAutoConfiguration.class))
		.withPropertyValues("hitkey.client-id=my-client", "hitkey.client-secret=my-secret");

	@Test
	void leavesSpringSessionsDefaultSerializationAloneByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(SessionJson.class)
			.doesNotHaveBean("springSessionDefaultRedisSerializer")
			.doesNotHaveBean("springSessionConversionService"));
	}

	@Test
	void jsonSerializationWritesRedisAndJdbcSessionsAsJson() {
		this.contextRunner.withPropertyValues("hitkey.session.serialization=json").run((context) -> {
			SecurityContextImpl securityContext = new SecurityContextImpl();
			@SuppressWarnings("unchecked")
			RedisSerializer<Object> redis = context.getBean("springSessionDefaultRedisSerializer", RedisSerializer.class);
			assertThat(new String(redis.serialize(securityContext))).startsWith("{\"@class\":");
			ConversionService jdbc = context.getBean("springSessionConversionService", ConversionService.class);
			assertThat(new String(jdbc.convert(securityContext, byte[].class))).startsWith("{\"@class\":");
			assertThat(jdbc.convert(jdbc.convert(securityContext, byte[].class), Object.class))
				.isInstanceOf(SecurityContextImpl.class);
		});
	}

	@Test
	void anApplicationsOwnJacksonModuleAllowsItsOwnSessionValues() {
		Cart cart = new Cart("cart-1", 3);
		this.contextRunner.withPropertyValues("hitkey.session.serialization=json")
			.withUserConfiguration(CartModule.class)
			.run((context) -> {
				ConversionService jdbc = context.getBean("springSessionConversionService", ConversionService.class);
				assertThat(jdbc.convert(jdbc.convert(cart, byte[].class), Object.class)).isEqualTo(cart);
			});
		this.contextRunner.withPropertyValues("hitkey.session.serialization=json")
			.run((context) -> assertThatExceptionOfType(ConversionFailedException.class).isThrownBy(
					() -> context.getBean("springSessionConversionService", ConversionService.class)
						.convert(cart, byte[].class))
				.havingCause()
				.isInstanceOf(IllegalArgumentException.class)
				.withMessageContaining("A session value of type " + Cart.class.getName() + " cannot be written as JSON"));
	}

	@Test
	void anApplicationsOwnSerializerAndConversionServiceAreLeftAlone() {
		this.contextRunner.withPropertyValues("hitkey.session.serialization=json")
			.withUserConfiguration(OwnSerializers.class)
			.run((context) -> {
				assertThat(context.getBean("springSessionDefaultRedisSerializer"))
					.isSameAs(context.getBean(OwnSerializers.class).serializer);
				assertThat(context.getBean("springSessionConversionService")).isInstanceOf(DefaultConversionService.class);
			});
	}

	@Test
	void eachStoreGetsItsOwnBeanWithoutTheOthersClasses() {
		this.contextRunner.withPropertyValues("hitkey.session.serialization=json")
			.withClassLoader(new FilteredClassLoader(RedisSerializer.class))
			.run((context) -> assertThat(context).hasBean("springSessionConversionService")
				.doesNotHaveBean("springSessionDefaultRedisSerializer"));
		this.contextRunner.withPropertyValues("hitkey.session.serialization=json")
			.withClassLoader(new FilteredClassLoader(JdbcIndexedSessionRepository.class))
			.run((context) -> assertThat(context).hasBean("springSessionDefaultRedisSerializer")
				.doesNotHaveBean("springSessionConversionService"));
	}

	@Test
	void springSessionJdbcTakesConcurrentWritesUnlessTheApplicationChoseItsOwnUpsert() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ConcurrentJdbcSessionWrites.class));
		this.contextRunner.withBean(PostgreSqlJdbcIndexedSessionRepositoryCustomizer.class)
			.run((context) -> assertThat(context).doesNotHaveBean(ConcurrentJdbcSessionWrites.class));
		this.contextRunner.withClassLoader(new FilteredClassLoader(JdbcIndexedSessionRepository.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ConcurrentJdbcSessionWrites.class));
	}

	@Test
	void withoutSpringSessionNothingIsConfigured() {
		this.contextRunner.withPropertyValues("hitkey.session.serialization=json")
			.withClassLoader(new FilteredClassLoader(Session.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SessionJson.class)
				.doesNotHaveBean("springSessionDefaultRedisSerializer")
				.doesNotHaveBean(ConcurrentJdbcSessionWrites.class));
	}

	@Test
	void withoutHitKeyNothingIsConfigured() {
		this.contextRunner.withPropertyValues("hitkey.session.serialization=json", "hitkey.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SessionJson.class));
	}

	record Cart(String id, int items) {

	}

	@Configuration(proxyBeanMethods = false)
	static class CartModule {

		@Bean
		SecurityJacksonModule cartModule() {
			return new SecurityJacksonModule() {

				@Override
				public void configurePolymorphicTypeValidator(BasicPolymorphicTypeValidator.Builder builder) {
					builder.allowIfSubType(Cart.class);
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnSerializers {

		final RedisSerializer<Object> serializer = RedisSerializer.java();

		@Bean
		RedisSerializer<Object> springSessionDefaultRedisSerializer() {
			return this.serializer;
		}

		@Bean
		ConversionService springSessionConversionService() {
			return new DefaultConversionService();
		}

	}

}
