package io.hitkey.spring.autoconfigure;

import java.time.Clock;

import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the {@code hitkey} health indicator, which asks HitKey's
 * {@code GET /health} with the starter's HTTP client and timeouts, and reuses the answer
 * for {@code management.health.hitkey.cache-time}, in sign-in and API-only applications.
 * <p>
 * It is off unless {@code management.health.hitkey.enabled} is {@code true}, whatever
 * {@code management.health.defaults.enabled} says, and it is in no health group of its
 * own accord: HitKey being down is the same for every instance of the application, so a
 * readiness or liveness probe that included it would take all of them out of the load
 * balancer, or restart all of them, at once, while pages that need no HitKey call could
 * still be served.
 *
 * @author HitKey
 * @since 0.1.0
 */
@AutoConfiguration(after = { HitKeyAutoConfiguration.class, HitKeyOAuth2ClientAutoConfiguration.class,
		HitKeyReactiveOAuth2ClientAutoConfiguration.class, HitKeyResourceServerAutoConfiguration.class,
		HitKeyReactiveResourceServerAutoConfiguration.class })
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBooleanProperty("management.health.hitkey.enabled")
@ConditionalOnBean(HitKeyProperties.class)
@EnableConfigurationProperties(HitKeyHealthIndicatorProperties.class)
public final class HitKeyHealthContributorAutoConfiguration {

	// Actuator names a health contributor after its bean, without the HealthIndicator
	// suffix: this one is "hitkey", as in its properties.
	private static final String BEAN_NAME = "hitkeyHealthIndicator";

	private static HitKeyHealth hitKeyHealth(HitKeyProperties properties,
			HitKeyHealthIndicatorProperties healthProperties) {
		return new HitKeyHealth(new HitKeyPropertiesMapper(properties).apiUrl(), healthProperties.getCacheTime(),
				Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@Import(HitKeyApiClientsConfiguration.class)
	static class ServletHealthIndicatorConfiguration {

		@Bean(BEAN_NAME)
		@ConditionalOnMissingBean(name = BEAN_NAME)
		HitKeyHealthIndicator hitkeyHealthIndicator(HitKeyApiClients clients, HitKeyProperties properties,
				HitKeyHealthIndicatorProperties healthProperties) {
			return new HitKeyHealthIndicator(clients.restClient(), hitKeyHealth(properties, healthProperties));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass({ Flux.class, WebClient.class })
	@Import(HitKeyWebClientsConfiguration.class)
	static class ReactiveHealthIndicatorConfiguration {

		@Bean(BEAN_NAME)
		@ConditionalOnMissingBean(name = BEAN_NAME)
		HitKeyReactiveHealthIndicator hitkeyHealthIndicator(HitKeyWebClients clients, HitKeyProperties properties,
				HitKeyHealthIndicatorProperties healthProperties) {
			return new HitKeyReactiveHealthIndicator(clients.webClient(), hitKeyHealth(properties, healthProperties));
		}

	}

}
