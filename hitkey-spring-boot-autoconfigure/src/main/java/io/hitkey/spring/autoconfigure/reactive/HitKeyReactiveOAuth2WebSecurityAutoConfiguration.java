package io.hitkey.spring.autoconfigure.reactive;

import java.util.Set;

import io.hitkey.spring.HitKeyAuthorizationRequestCustomizer;
import io.hitkey.spring.HitKeyClientRegistrations;
import io.hitkey.spring.autoconfigure.HitKeyApiCalls;
import io.hitkey.spring.autoconfigure.HitKeyProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.JwtBearerGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.TokenExchangeGrantRequest;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of HitKey sign-in in Spring Security's reactive web support:
 * authorized clients kept in the {@code WebSession}, the authorization request resolver
 * that sends {@code openid}, a {@link ReactiveOAuth2AuthorizedClientManager} that
 * refreshes expired tokens, and a default filter chain when the application defines
 * none.
 *
 * @author HitKey
 * @since 0.1.0
 */
@AutoConfiguration(
		before = { ReactiveOAuth2ClientWebSecurityAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class,
				ReactiveManagementWebSecurityAutoConfiguration.class },
		after = HitKeyReactiveOAuth2ClientAutoConfiguration.class)
@ConditionalOnClass({ Flux.class, EnableWebFluxSecurity.class, ServerOAuth2AuthorizedClientRepository.class })
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnBean({ HitKeyProperties.class, ReactiveClientRegistrationRepository.class })
public final class HitKeyReactiveOAuth2WebSecurityAutoConfiguration {

	private static final String SIGN_IN_PATH = "/oauth2/authorization/" + HitKeyClientRegistrations.REGISTRATION_ID;

	@Bean
	@ConditionalOnMissingBean
	ServerOAuth2AuthorizedClientRepository authorizedClientRepository(
			ReactiveClientRegistrationRepository clientRegistrationRepository) {
		return new WebSessionAuthorizedClientRepository(clientRegistrationRepository);
	}

	@Bean
	@ConditionalOnMissingBean
	ServerOAuth2AuthorizationRequestResolver hitKeyServerAuthorizationRequestResolver(
			ReactiveClientRegistrationRepository clientRegistrationRepository) {
		DefaultServerOAuth2AuthorizationRequestResolver resolver = new DefaultServerOAuth2AuthorizationRequestResolver(
				clientRegistrationRepository);
		resolver.setAuthorizationRequestCustomizer(new HitKeyAuthorizationRequestCustomizer());
		return resolver;
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveOAuth2AuthorizedClientManager reactiveAuthorizedClientManager(
			ReactiveClientRegistrationRepository clientRegistrationRepository,
			ServerOAuth2AuthorizedClientRepository authorizedClientRepository,
			ObjectProvider<ReactiveOAuth2AuthorizedClientProvider> providers,
			ObjectProvider<ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest>> refreshTokenClient,
			ObjectProvider<ReactiveOAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest>> clientCredentialsClient,
			ObjectProvider<ReactiveOAuth2AccessTokenResponseClient<JwtBearerGrantRequest>> jwtBearerClient,
			ObjectProvider<ReactiveOAuth2AccessTokenResponseClient<TokenExchangeGrantRequest>> tokenExchangeClient,
			HitKeyProperties properties) {
		ReactiveOAuth2AuthorizedClientProvider grants = HitKeyReactiveAuthorizedClientProviders.of(providers,
				refreshTokenClient, clientCredentialsClient, jwtBearerClient, tokenExchangeClient);
		DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
				clientRegistrationRepository, authorizedClientRepository);
		manager.setAuthorizedClientProvider(new CoalescingReactiveOAuth2AuthorizedClientProvider(grants,
				HitKeyApiCalls.maxDuration(properties), HitKeyApiCalls.maxWait(properties)));
		return manager;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(SecurityWebFilterChain.class)
	static class HitKeySecurityWebFilterChainConfiguration {

		@Bean
		SecurityWebFilterChain hitKeySecurityWebFilterChain(ServerHttpSecurity http) {
			http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated());
			http.oauth2Login(withDefaults());
			http.oauth2Client(withDefaults());
			http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint()));
			return http.build();
		}

		/**
		 * Browsers go straight to HitKey; everything else, API calls above all, gets a
		 * {@code 401} it can act on rather than a redirect it cannot follow.
		 */
		private static ServerAuthenticationEntryPoint entryPoint() {
			MediaTypeServerWebExchangeMatcher pages = new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML,
					MediaType.APPLICATION_XHTML_XML);
			pages.setIgnoredMediaTypes(Set.of(MediaType.ALL));
			ServerWebExchangeMatcher script = (exchange) -> "XMLHttpRequest"
				.equals(exchange.getRequest().getHeaders().getFirst("X-Requested-With"))
						? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
			ServerWebExchangeMatcher browsers = new AndServerWebExchangeMatcher(pages,
					new NegatedServerWebExchangeMatcher(script));
			DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
					new DelegateEntry(browsers, new RedirectServerAuthenticationEntryPoint(SIGN_IN_PATH)));
			entryPoint.setDefaultEntryPoint((exchange, ex) -> {
				exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
				exchange.getResponse()
					.getHeaders()
					.set(HttpHeaders.WWW_AUTHENTICATE, "HitKey realm=\"hitkey\", sign_in=\"" + SIGN_IN_PATH + "\"");
				return Mono.empty();
			});
			return entryPoint;
		}

	}

}
