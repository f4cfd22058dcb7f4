package io.hitkey.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.Session;

import static org.assertj.core.api.Assertions.assertThat;

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
	void withoutSpringSessionNothingIsConfigured() {
		this.contextRunner.withPropertyValues("hitkey.session.serialization=json")
			.withClassLoader(new FilteredClassLoader(Session.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SessionJson.class)
				.doesNotHaveBean("springSessionDefaultRedisSerializer"));
	}

	@Test
	void withoutHitKeyNothingIsConfigured() {
		this.contextRunner.withPropertyValues("hitkey.session.serialization=json", "hitkey.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SessionJson.class));
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
