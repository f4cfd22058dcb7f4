package io.hitkey.spring.autoconfigure;

import java.util.Locale;

import io.hitkey.spring.HitKeyAuthoritiesMapper;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of what HitKey sign-in needs on every web stack: its properties and
 * the mapping of users to authorities. Set {@code hitkey.enabled=false} to turn the whole
 * starter off: this is the one place that reads it, and the servlet and reactive
 * auto-configurations run only where this one has registered {@link HitKeyProperties}.
 *
 * @author HitKey
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(ClientRegistration.class)
@ConditionalOnBooleanProperty(name = "hitkey.enabled", matchIfMissing = true)
@EnableConfigurationProperties(HitKeyProperties.class)
public final class HitKeyAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HitKeyAuthoritiesMapper hitKeyAuthoritiesMapper() {
		return HitKeyAuthoritiesMapper.standard();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorConfiguration {

		private static final int MIN_SECRET_LENGTH = 6;

		/**
		 * Masks the client secret in {@code /actuator/env} and
		 * {@code /actuator/configprops} even where the application shows values
		 * ({@code management.endpoint.*.show-values}): under its own keys, and inside any
		 * other value that holds it ({@code SPRING_APPLICATION_JSON}, a command line).
		 */
		@Bean
		@ConditionalOnMissingBean(name = "hitKeyClientSecretSanitizingFunction")
		SanitizingFunction hitKeyClientSecretSanitizingFunction(HitKeyProperties properties) {
			String secret = properties.getClientSecret();
			return (data) -> (isClientSecret(data.getKey()) || holds(data.getValue(), secret))
					? data.withSanitizedValue() : data;
		}

		private static boolean isClientSecret(String key) {
			return key.toLowerCase(Locale.ROOT).replaceAll("[-_.]", "").endsWith("clientsecret");
		}

		private static boolean holds(@Nullable Object value, @Nullable String secret) {
			return secret != null && secret.length() >= MIN_SECRET_LENGTH && value != null
					&& value.toString().contains(secret);
		}

	}

}
