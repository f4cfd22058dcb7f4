package io.hitkey.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.hitkey.spring.HitKeyAuthorizationRequestCustomizer;
import io.hitkey.spring.web.server.HitKeyServerLoginCustomizer;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.JwtBearerGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.TokenExchangeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ui.DefaultResourcesWebFilter;
import org.springframework.security.web.server.ui.LoginPageGeneratingWebFilter;
import org.springframework.security.web.server.ui.LogoutPageGeneratingWebFilter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.util.MultiValueMap;

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
			HitKeyProperties properties, ObjectProvider<ObservationRegistry> observationRegistry) {
		ReactiveOAuth2AuthorizedClientProvider grants = HitKeyReactiveAuthorizedClientProviders.of(providers,
				refreshTokenClient, clientCredentialsClient, jwtBearerClient, tokenExchangeClient);
		DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
				clientRegistrationRepository, authorizedClientRepository);
		manager.setAuthorizedClientProvider(new CoalescingReactiveOAuth2AuthorizedClientProvider(grants,
				HitKeyApiCalls.maxDuration(properties), HitKeyApiCalls.maxWait(properties),
				observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP)));
		manager.setAuthorizationFailureHandler(new SignInAgainAuthorizationFailureHandler(authorizedClientRepository));
		return manager;
	}

	@Bean
	ReactiveCallbackPathCheck hitKeyReactiveCallbackPathCheck(HitKeyProperties properties,
			ListableBeanFactory beanFactory) {
		return new ReactiveCallbackPathCheck(properties.getRedirectUri(), beanFactory);
	}

	/**
	 * The default chain when the application also accepts HitKey access tokens: a Bearer
	 * request is authenticated by its token, without a session; a browser signs in.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(SecurityWebFilterChain.class)
	@ConditionalOnClass(ReactiveOpaqueTokenIntrospector.class)
	@ConditionalOnBean(ReactiveOpaqueTokenIntrospector.class)
	static class HitKeyBearerTokenSecurityWebFilterChainConfiguration {

		@Bean
		SecurityWebFilterChain hitKeySecurityWebFilterChain(ServerHttpSecurity http, HitKeyProperties properties,
				ReactiveClientRegistrationRepository clientRegistrationRepository) {
			HitKeySecurityWebFilterChainConfiguration.signIn(http, properties, clientRegistrationRepository);
			http.oauth2ResourceServer((resourceServer) -> resourceServer.opaqueToken(withDefaults()));
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(value = SecurityWebFilterChain.class,
			type = "org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector")
	static class HitKeySecurityWebFilterChainConfiguration {

		private static final String FAILURE_URL = "/login?error";

		@Bean
		SecurityWebFilterChain hitKeySecurityWebFilterChain(ServerHttpSecurity http, HitKeyProperties properties,
				ReactiveClientRegistrationRepository clientRegistrationRepository) {
			return signIn(http, properties, clientRegistrationRepository).build();
		}

		static ServerHttpSecurity signIn(ServerHttpSecurity http, HitKeyProperties properties,
				ReactiveClientRegistrationRepository clientRegistrationRepository) {
			http.authorizeExchange((exchanges) -> {
				ReactiveHealthEndpointAccess.permit(exchanges);
				exchanges.anyExchange().authenticated();
			});
			http.oauth2Login((login) -> login.authenticationMatcher(callbackMatcher(properties.getRedirectUri())));
			HitKeyServerLoginCustomizer.hitKey().failureUrl(FAILURE_URL).customize(http);
			http.oauth2Client(withDefaults());
			http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint()));
			// An explicit entry point turns Spring Security's generated login page off, and
			// with it the page where failed sign-ins and sign-outs end: without it,
			// /login?error would send the browser to sign in again, in a loop.
			LoginPageGeneratingWebFilter loginPage = new LoginPageGeneratingWebFilter();
			loginPage.setOauth2AuthenticationUrlToClientName(signInLinks(clientRegistrationRepository));
			http.addFilterAt(loginPage, SecurityWebFiltersOrder.LOGIN_PAGE_GENERATING);
			http.addFilterBefore(DefaultResourcesWebFilter.css(), SecurityWebFiltersOrder.LOGIN_PAGE_GENERATING);
			http.addFilterAt(new LogoutPageGeneratingWebFilter(), SecurityWebFiltersOrder.LOGOUT_PAGE_GENERATING);
			return http;
		}

		/**
		 * Browsers go straight to HitKey; API calls and scripts get a {@code 401} they
		 * can act on rather than a redirect they cannot follow, with HitKey's challenge
		 * and JSON body.
		 */
		private static ServerAuthenticationEntryPoint entryPoint() {
			RedirectServerAuthenticationEntryPoint browsers = new RedirectServerAuthenticationEntryPoint(
					HitKeySignIn.PATH);
			return (exchange, ex) -> {
				HttpHeaders headers = exchange.getRequest().getHeaders();
				if (!HitKeyApiRequests.isApiRequest(headers.getFirst(HttpHeaders.ACCEPT),
						headers.getFirst("X-Requested-With"))) {
					return browsers.commence(exchange, ex);
				}
				ServerHttpResponse response = exchange.getResponse();
				String signIn = HitKeySignIn.path(exchange.getRequest().getPath().contextPath().value());
				response.setStatusCode(HttpStatus.UNAUTHORIZED);
				response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, HitKeySignIn.challenge(signIn));
				response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
				byte[] body = HitKeySignIn.body(signIn).getBytes(StandardCharsets.UTF_8);
				return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
			};
		}

		private static Map<String, String> signInLinks(ReactiveClientRegistrationRepository registrations) {
			Map<String, String> links = new LinkedHashMap<>();
			if (registrations instanceof Iterable<?> iterable) {
				for (Object registration : iterable) {
					if (registration instanceof ClientRegistration client
							&& AuthorizationGrantType.AUTHORIZATION_CODE.equals(client.getAuthorizationGrantType())) {
						links.put("/oauth2/authorization/" + client.getRegistrationId(), client.getClientName());
					}
				}
			}
			links.putIfAbsent(HitKeySignIn.PATH, "HitKey");
			return links;
		}

	}

	/**
	 * Match HitKey's callbacks at the path of {@code hitkey.redirect-uri}, as well as
	 * Spring Security's default path for other registrations. A callback nobody
	 * processes would send the user to sign in again, silently, in a loop.
	 */
	static ServerWebExchangeMatcher callbackMatcher(String redirectUri) {
		ServerWebExchangeMatcher defaultPath = new PathPatternParserServerWebExchangeMatcher(
				HitKeyCallbackPath.SPRING_DEFAULT_PREFIX + "{registrationId}");
		ServerWebExchangeMatcher hitKeyPath = new PathPatternParserServerWebExchangeMatcher(
				HitKeyCallbackPath.of(redirectUri));
		// The redirect URI may be the application's root: only an authorization response
		// there is a callback.
		ServerWebExchangeMatcher authorizationResponse = (exchange) -> {
			MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
			return (query.containsKey(OAuth2ParameterNames.STATE) || query.containsKey(OAuth2ParameterNames.CODE)
					|| query.containsKey(OAuth2ParameterNames.ERROR)) ? MatchResult.match() : MatchResult.notMatch();
		};
		return new OrServerWebExchangeMatcher(defaultPath,
				new AndServerWebExchangeMatcher(hitKeyPath, authorizationResponse));
	}

}
