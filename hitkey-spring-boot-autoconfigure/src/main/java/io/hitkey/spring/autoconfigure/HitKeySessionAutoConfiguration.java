package io.hitkey.spring.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.jackson.SecurityJacksonModule;
import org.springframework.session.Session;
import org.springframework.session.config.ReactiveSessionRepositoryCustomizer;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of JSON sessions for Spring Session's Redis and JDBC stores, when
 * {@code hitkey.session.serialization=json}: Spring Session's serializer (Redis) or
 * conversion service (JDBC) writes session values with {@link SessionJson}, and a
 * session whose bookkeeping cannot be read is dropped, not answered with an error.
 * An application's own {@code springSessionDefaultRedisSerializer} or
 * {@code springSessionConversionService} bean is left alone.
 *
 * @author HitKey
 * @since 0.1.0
 */
@AutoConfiguration(after = HitKeyAutoConfiguration.class)
@ConditionalOnClass({ Session.class, SecurityJacksonModule.class })
@ConditionalOnBean(HitKeyProperties.class)
@ConditionalOnProperty(name = "hitkey.session.serialization", havingValue = "json")
public final class HitKeySessionAutoConfiguration {

	@Bean
	SessionJson hitKeySessionJson(ObjectProvider<SecurityJacksonModule> applicationModules) {
		return new SessionJson(HitKeySessionAutoConfiguration.class.getClassLoader(),
				applicationModules.orderedStream().toList());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RedisSerializer.class, RedisSessionRepository.class })
	static class RedisSessionConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "springSessionDefaultRedisSerializer")
		RedisSerializer<Object> springSessionDefaultRedisSerializer(SessionJson json) {
			return new JsonSessionRedisSerializer(json);
		}

		@Bean
		SessionRepositoryCustomizer<RedisSessionRepository> hitKeyUnreadableRedisSessions() {
			return (repository) -> repository.setRedisSessionMapper(UnreadableRedisSessions.dropped());
		}

		@Bean
		@ConditionalOnClass(name = "reactor.core.publisher.Mono")
		ReactiveSessionRepositoryCustomizer<ReactiveRedisSessionRepository> hitKeyUnreadableReactiveRedisSessions() {
			return (repository) -> repository.setRedisSessionMapper(UnreadableRedisSessions.droppedReactively());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JdbcIndexedSessionRepository.class)
	static class JdbcSessionConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "springSessionConversionService")
		ConversionService springSessionConversionService(SessionJson json) {
			GenericConversionService conversions = new GenericConversionService();
			conversions.addConverter(Object.class, byte[].class, json::write);
			conversions.addConverter(byte[].class, Object.class, json::read);
			return conversions;
		}

	}

}
