package io.hitkey.spring.autoconfigure;

import io.hitkey.spring.HitKeyAuthoritiesMapper;
import io.hitkey.spring.HitKeyReactiveOpaqueTokenIntrospector;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.reactive.function.client.WebClient;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of HitKey access tokens as Bearer tokens in a reactive application
 * with Spring Security's resource server: the reactive counterpart of
 * {@link HitKeyResourceServerAutoConfiguration}, with the same cache, the same
 * {@code 503} and the same API-only default chain, also after Spring Boot's own.
 *
 * @author HitKey
 * @since 0.1.0
 */
@AutoConfiguration(
		before = { HitKeyReactiveOAuth2WebSecurityAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class,
				ReactiveManagementWebSecurityAutoConfiguration.class },
		after = HitKeyReactiveOAuth2ClientAutoConfiguration.class,
		afterName = {
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
				// Spring Boot 4.1
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration" })
@ConditionalOnClass({ Flux.class, WebClient.class, ReactiveOpaqueTokenIntrospector.class, EnableWebFluxSecurity.class })
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnBean(HitKeyProperties.class)
@Import(HitKeyWebClientsConfiguration.class)
public final class HitKeyReactiveResourceServerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ReactiveOpaqueTokenIntrospector hitKeyReactiveOpaqueTokenIntrospector(HitKeyWebClients clients,
			HitKeyProperties properties, HitKeyAuthoritiesMapper authoritiesMapper) {
		HitKeyReactiveOpaqueTokenIntrospector hitKey = new HitKeyReactiveOpaqueTokenIntrospector(clients.webClient(),
				new HitKeyPropertiesMapper(properties).userInfoUri(), authoritiesMapper);
		return new CachingReactiveOpaqueTokenIntrospector(hitKey, ValidatedTokens.of(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	HitKeyBearerTokenUnavailableWebFilter hitKeyBearerTokenUnavailableWebFilter() {
		return new HitKeyBearerTokenUnavailableWebFilter();
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(HitKeySignInCondition.ApiOnly.class)
	static class ApiOnlyConfiguration {

		@Bean
		HitKeyStartupLog hitKeyStartupLog(HitKeyProperties properties) {
			return HitKeyStartupLog.apiOnly(properties);
		}

		@Bean
		@ConditionalOnMissingBean(SecurityWebFilterChain.class)
		SecurityWebFilterChain hitKeyApiSecurityWebFilterChain(ServerHttpSecurity http) {
			http.authorizeExchange((exchanges) -> {
				ReactiveHealthEndpointAccess.permit(exchanges);
				exchanges.anyExchange().authenticated();
			});
			http.oauth2ResourceServer((resourceServer) -> resourceServer.opaqueToken(withDefaults()));
			http.securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
			// Without sessions or cookies there is nothing to forge.
			http.csrf(ServerHttpSecurity.CsrfSpec::disable);
			return http.build();
		}

	}

}
