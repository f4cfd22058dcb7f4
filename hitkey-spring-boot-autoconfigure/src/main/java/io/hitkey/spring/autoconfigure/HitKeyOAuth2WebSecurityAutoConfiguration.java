package io.hitkey.spring.autoconfigure;

import java.util.function.Consumer;

import io.hitkey.spring.HitKeyAuthorizationRequestCustomizer;
import io.hitkey.spring.web.HitKeyLoginConfigurer;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.JwtBearerGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.TokenExchangeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of HitKey sign-in in Spring Security's servlet web support:
 * authorized clients kept in the HTTP session, the authorization request resolver that
 * sends {@code openid}, an {@link OAuth2AuthorizedClientManager} that refreshes expired
 * tokens (once for many concurrent requests of one user) with every grant of the manager
 * it replaces, turns a refresh HitKey refuses into a new sign-in, answers {@code 503}
 * when HitKey is down during a refresh in any filter chain, and defines a default filter
 * chain, hardened by {@link HitKeyLoginConfigurer}, when the application defines none.
 *
 * @author HitKey
 * @since 0.1.0
 */
@AutoConfiguration(
		before = { OAuth2ClientWebSecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
				SecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class },
		after = HitKeyOAuth2ClientAutoConfiguration.class)
@ConditionalOnClass({ EnableWebSecurity.class, OAuth2AuthorizedClientRepository.class })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnBean({ HitKeyProperties.class, ClientRegistrationRepository.class })
public final class HitKeyOAuth2WebSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OAuth2AuthorizedClientRepository authorizedClientRepository(
			ClientRegistrationRepository clientRegistrationRepository) {
		return new SessionAuthorizedClientRepository(clientRegistrationRepository);
	}

	@Bean
	@ConditionalOnMissingBean
	OAuth2AuthorizationRequestResolver hitKeyAuthorizationRequestResolver(
			ClientRegistrationRepository clientRegistrationRepository) {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				clientRegistrationRepository,
				OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		resolver.setAuthorizationRequestCustomizer(new HitKeyAuthorizationRequestCustomizer());
		return resolver;
	}

	@Bean
	@ConditionalOnMissingBean
	OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository clientRegistrationRepository,
			OAuth2AuthorizedClientRepository authorizedClientRepository,
			ObjectProvider<OAuth2AuthorizedClientProvider> providers,
			ObjectProvider<OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest>> refreshToken,
			ObjectProvider<OAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest>> clientCredentials,
			ObjectProvider<OAuth2AccessTokenResponseClient<JwtBearerGrantRequest>> jwtBearer,
			ObjectProvider<OAuth2AccessTokenResponseClient<TokenExchangeGrantRequest>> tokenExchange,
			ObjectProvider<Consumer<DefaultOAuth2AuthorizedClientManager>> managerCustomizer,
			HitKeyProperties properties, ObjectProvider<ObservationRegistry> observationRegistry) {
		OAuth2AuthorizedClientProvider grants = new AuthorizedClientProviders(providers.orderedStream().toList())
			.build(refreshToken.getIfAvailable(), clientCredentials.getIfAvailable(), jwtBearer.getIfAvailable(),
					tokenExchange.getIfAvailable());
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(
				clientRegistrationRepository, authorizedClientRepository);
		manager.setAuthorizedClientProvider(new CoalescingOAuth2AuthorizedClientProvider(grants,
				HitKeyApiCalls.maxWait(properties), observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP)));
		manager.setAuthorizationFailureHandler(new RefusedRefreshFailureHandler(authorizedClientRepository));
		managerCustomizer.ifAvailable((customizer) -> customizer.accept(manager));
		return manager;
	}

	@Bean
	@ConditionalOnMissingBean(name = "hitKeyAuthorizationCodeLogMaskingFilter")
	FilterRegistrationBean<AuthorizationCodeLogMaskingFilter> hitKeyAuthorizationCodeLogMaskingFilter(
			HitKeyProperties properties) {
		String callbackPath = HitKeyCallbackPath.of(properties.getRedirectUri());
		return atCallbackPath(new AuthorizationCodeLogMaskingFilter(callbackPath), callbackPath,
				SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
	}

	@Bean
	@ConditionalOnMissingBean(name = "hitKeySignInObservationFilter")
	FilterRegistrationBean<SignInObservationFilter> hitKeySignInObservationFilter(HitKeyProperties properties,
			ObjectProvider<ObservationRegistry> observationRegistry) {
		String callbackPath = HitKeyCallbackPath.of(properties.getRedirectUri());
		return atCallbackPath(new SignInObservationFilter(callbackPath,
				observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP)), callbackPath,
				SecurityFilterProperties.DEFAULT_FILTER_ORDER - 2);
	}

	/**
	 * Register a filter of HitKey's callback in front of Spring Security. The filter
	 * checks the path itself; the container skips it on every other request, unless the
	 * callback is at the root.
	 */
	private static <F extends Filter> FilterRegistrationBean<F> atCallbackPath(F filter, String callbackPath,
			int order) {
		FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(order);
		if (!callbackPath.equals("/")) {
			registration.addUrlPatterns(callbackPath);
		}
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(name = "hitKeyUnavailableFilter")
	FilterRegistrationBean<HitKeyUnavailableFilter> hitKeyUnavailableFilter() {
		FilterRegistrationBean<HitKeyUnavailableFilter> registration = new FilterRegistrationBean<>(
				new HitKeyUnavailableFilter());
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

	@Bean
	CallbackPathCheck hitKeyCallbackPathCheck(HitKeyProperties properties,
			ObjectProvider<SecurityFilterChain> chains) {
		return new CallbackPathCheck(properties.getRedirectUri(), chains);
	}

	/**
	 * The default chain when the application also accepts HitKey access tokens: a Bearer
	 * request is authenticated by its token, without a session; a browser signs in.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnDefaultWebSecurity
	@ConditionalOnClass(OpaqueTokenIntrospector.class)
	@ConditionalOnBean(OpaqueTokenIntrospector.class)
	static class HitKeyBearerTokenSecurityFilterChainConfiguration {

		@Bean
		SecurityFilterChain hitKeySecurityFilterChain(HttpSecurity http) {
			HitKeySecurityFilterChainConfiguration.signIn(http);
			http.oauth2ResourceServer((resourceServer) -> resourceServer.opaqueToken(withDefaults()));
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnDefaultWebSecurity
	@ConditionalOnMissingBean(type = HitKeySignInCondition.RESOURCE_SERVER)
	static class HitKeySecurityFilterChainConfiguration {

		@Bean
		SecurityFilterChain hitKeySecurityFilterChain(HttpSecurity http) {
			return signIn(http).build();
		}

		static HttpSecurity signIn(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> {
				HealthEndpointAccess.permit(requests);
				requests.anyRequest().authenticated();
			});
			http.with(HitKeyLoginConfigurer.hitKey(), (hitKey) -> hitKey.failureUrl("/login?error"));
			http.oauth2Client(withDefaults());
			return http;
		}

	}

}
