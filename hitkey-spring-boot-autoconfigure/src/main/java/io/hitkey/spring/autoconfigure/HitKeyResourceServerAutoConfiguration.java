package io.hitkey.spring.autoconfigure;

import io.hitkey.spring.HitKeyAuthoritiesMapper;
import io.hitkey.spring.HitKeyOpaqueTokenIntrospector;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of HitKey access tokens as Bearer tokens in a servlet application
 * with Spring Security's resource server: an {@link OpaqueTokenIntrospector} that checks
 * them at HitKey's userinfo endpoint behind a cache, which
 * {@code oauth2ResourceServer((rs) -> rs.opaqueToken(withDefaults()))} picks up in any
 * filter chain, and a {@code 503} when HitKey cannot check a token. The starter's default
 * chain accepts them next to browser sign-in; without {@code hitkey.client-id}, the
 * application is an API with a stateless default chain that only accepts them.
 * <p>
 * It runs after Spring Boot's resource-server auto-configurations: their default chains
 * appear for any introspector bean (on WebFlux with Spring Boot 4.1.1, even next to the
 * application's own chain), so they must never see the starter's. An introspector that
 * Spring Boot builds from
 * {@code spring.security.oauth2.resourceserver.opaquetoken.introspection-uri} replaces
 * the starter's.
 *
 * @author HitKey
 * @since 0.1.0
 */
@AutoConfiguration(
		before = { HitKeyOAuth2WebSecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
				ManagementWebSecurityAutoConfiguration.class },
		after = { HitKeyOAuth2ClientAutoConfiguration.class, RestTemplateAutoConfiguration.class },
		afterName = {
				// Spring Boot 4.0
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
				// Spring Boot 4.1
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration" })
@ConditionalOnClass({ OpaqueTokenIntrospector.class, EnableWebSecurity.class })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnBean(HitKeyProperties.class)
@Import(HitKeyApiClientsConfiguration.class)
public final class HitKeyResourceServerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OpaqueTokenIntrospector hitKeyOpaqueTokenIntrospector(HitKeyApiClients clients, HitKeyProperties properties,
			HitKeyAuthoritiesMapper authoritiesMapper) {
		HitKeyOpaqueTokenIntrospector hitKey = new HitKeyOpaqueTokenIntrospector(clients.restClient(),
				new HitKeyPropertiesMapper(properties).userInfoUri(), authoritiesMapper);
		return new CachingOpaqueTokenIntrospector(hitKey, ValidatedTokens.of(properties),
				HitKeyApiCalls.maxWait(properties));
	}

	@Bean
	@ConditionalOnMissingBean(name = "hitKeyBearerTokenUnavailableFilter")
	FilterRegistrationBean<HitKeyBearerTokenUnavailableFilter> hitKeyBearerTokenUnavailableFilter() {
		FilterRegistrationBean<HitKeyBearerTokenUnavailableFilter> registration = new FilterRegistrationBean<>(
				new HitKeyBearerTokenUnavailableFilter());
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(HitKeySignInCondition.ApiOnly.class)
	static class ApiOnlyConfiguration {

		@Bean
		HitKeyStartupLog hitKeyStartupLog(HitKeyProperties properties) {
			return HitKeyStartupLog.apiOnly(properties);
		}

		@Bean
		@ConditionalOnDefaultWebSecurity
		SecurityFilterChain hitKeyApiSecurityFilterChain(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> {
				HealthEndpointAccess.permit(requests);
				requests.anyRequest().authenticated();
			});
			http.oauth2ResourceServer((resourceServer) -> resourceServer.opaqueToken(withDefaults()));
			http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
			// Without sessions or cookies there is nothing to forge.
			http.csrf(AbstractHttpConfigurer::disable);
			return http.build();
		}

	}

}
