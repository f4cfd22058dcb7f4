package io.hitkey.spring.autoconfigure;

import javax.sql.DataSource;

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
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.security.jackson.SecurityJacksonModule;
import org.springframework.session.Session;
import org.springframework.session.config.ReactiveSessionRepositoryCustomizer;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.jdbc.Db2JdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.OracleJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.SqlServerJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.SpringSessionDataSource;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of Spring Session's stores for signing in with HitKey: concurrent
 * sign-ins of one session that Spring Session JDBC takes (see
 * {@link ConcurrentJdbcSessionWrites}), and, with
 * {@code hitkey.session.serialization=json}, JSON sessions: Spring Session's serializer
 * (Redis) or conversion service (JDBC) writes session values with {@link SessionJson},
 * and a session whose bookkeeping cannot be read is dropped, not answered with an error.
 * An application's own {@code springSessionDefaultRedisSerializer} or
 * {@code springSessionConversionService} bean is left alone.
 *
 * @author HitKey
 * @since 0.1.0
 */
@AutoConfiguration(after = HitKeyAutoConfiguration.class,
		afterName = "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration")
@ConditionalOnClass(Session.class)
@ConditionalOnBean(HitKeyProperties.class)
public final class HitKeySessionAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JdbcIndexedSessionRepository.class, JdbcUtils.class })
	static class JdbcConcurrentWritesConfiguration {

		@Bean
		@ConditionalOnMissingBean({ PostgreSqlJdbcIndexedSessionRepositoryCustomizer.class,
				MySqlJdbcIndexedSessionRepositoryCustomizer.class, OracleJdbcIndexedSessionRepositoryCustomizer.class,
				SqlServerJdbcIndexedSessionRepositoryCustomizer.class, Db2JdbcIndexedSessionRepositoryCustomizer.class })
		ConcurrentJdbcSessionWrites hitKeyConcurrentJdbcSessionWrites(
				@SpringSessionDataSource ObjectProvider<DataSource> sessionDataSource,
				ObjectProvider<DataSource> dataSource) {
			return new ConcurrentJdbcSessionWrites(() -> sessionDataSource.getIfAvailable(dataSource::getIfUnique));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SecurityJacksonModule.class)
	@ConditionalOnProperty(name = "hitkey.session.serialization", havingValue = "json")
	static class JsonSessionConfiguration {

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

}
