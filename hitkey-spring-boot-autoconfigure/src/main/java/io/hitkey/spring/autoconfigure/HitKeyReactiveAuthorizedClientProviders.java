package io.hitkey.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.AuthorizationCodeReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ClientCredentialsReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.JwtBearerReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.TokenExchangeReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.JwtBearerGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.TokenExchangeGrantRequest;

/**
 * The grants of the starter's {@code ReactiveOAuth2AuthorizedClientManager}: every grant
 * that Spring Security's default manager supports, assembled as Spring Security does it
 * ({@code ReactiveOAuth2ClientConfiguration}), so that the application's other
 * registrations keep theirs. A provider bean of a known type replaces the default one,
 * a token response client bean is given to its provider, and any other provider bean is
 * added. JWT bearer and token exchange are supported once the application defines the
 * provider or its token response client, as with Spring Security. HitKey's refresh goes
 * through the starter's JSON token client.
 *
 * @author HitKey
 */
final class HitKeyReactiveAuthorizedClientProviders {

	private static final Set<Class<?>> KNOWN = Set.of(AuthorizationCodeReactiveOAuth2AuthorizedClientProvider.class,
			RefreshTokenReactiveOAuth2AuthorizedClientProvider.class,
			ClientCredentialsReactiveOAuth2AuthorizedClientProvider.class,
			JwtBearerReactiveOAuth2AuthorizedClientProvider.class,
			TokenExchangeReactiveOAuth2AuthorizedClientProvider.class);

	private HitKeyReactiveAuthorizedClientProviders() {
	}

	static ReactiveOAuth2AuthorizedClientProvider of(ObjectProvider<ReactiveOAuth2AuthorizedClientProvider> beans,
			ObjectProvider<ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest>> refreshToken,
			ObjectProvider<ReactiveOAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest>> clientCredentials,
			ObjectProvider<ReactiveOAuth2AccessTokenResponseClient<JwtBearerGrantRequest>> jwtBearer,
			ObjectProvider<ReactiveOAuth2AccessTokenResponseClient<TokenExchangeGrantRequest>> tokenExchange) {
		List<ReactiveOAuth2AuthorizedClientProvider> defined = beans.orderedStream().toList();
		List<ReactiveOAuth2AuthorizedClientProvider> providers = new ArrayList<>();
		providers.add(orDefault(defined, AuthorizationCodeReactiveOAuth2AuthorizedClientProvider.class,
				AuthorizationCodeReactiveOAuth2AuthorizedClientProvider::new));
		RefreshTokenReactiveOAuth2AuthorizedClientProvider refresh = orDefault(defined,
				RefreshTokenReactiveOAuth2AuthorizedClientProvider.class,
				RefreshTokenReactiveOAuth2AuthorizedClientProvider::new);
		refreshToken.ifAvailable(refresh::setAccessTokenResponseClient);
		providers.add(refresh);
		ClientCredentialsReactiveOAuth2AuthorizedClientProvider credentials = orDefault(defined,
				ClientCredentialsReactiveOAuth2AuthorizedClientProvider.class,
				ClientCredentialsReactiveOAuth2AuthorizedClientProvider::new);
		clientCredentials.ifAvailable(credentials::setAccessTokenResponseClient);
		providers.add(credentials);
		JwtBearerReactiveOAuth2AuthorizedClientProvider jwt = find(defined,
				JwtBearerReactiveOAuth2AuthorizedClientProvider.class);
		ReactiveOAuth2AccessTokenResponseClient<JwtBearerGrantRequest> jwtClient = jwtBearer.getIfAvailable();
		if (jwtClient != null) {
			jwt = (jwt != null) ? jwt : new JwtBearerReactiveOAuth2AuthorizedClientProvider();
			jwt.setAccessTokenResponseClient(jwtClient);
		}
		addIfPresent(providers, jwt);
		TokenExchangeReactiveOAuth2AuthorizedClientProvider exchange = find(defined,
				TokenExchangeReactiveOAuth2AuthorizedClientProvider.class);
		ReactiveOAuth2AccessTokenResponseClient<TokenExchangeGrantRequest> exchangeClient = tokenExchange
			.getIfAvailable();
		if (exchangeClient != null) {
			exchange = (exchange != null) ? exchange : new TokenExchangeReactiveOAuth2AuthorizedClientProvider();
			exchange.setAccessTokenResponseClient(exchangeClient);
		}
		addIfPresent(providers, exchange);
		defined.stream().filter((provider) -> !KNOWN.contains(provider.getClass())).forEach(providers::add);
		return new DelegatingReactiveOAuth2AuthorizedClientProvider(providers);
	}

	private static <P extends ReactiveOAuth2AuthorizedClientProvider> P orDefault(
			List<ReactiveOAuth2AuthorizedClientProvider> defined, Class<P> type, Supplier<P> defaultProvider) {
		P provider = find(defined, type);
		return (provider != null) ? provider : defaultProvider.get();
	}

	private static <P extends ReactiveOAuth2AuthorizedClientProvider> @Nullable P find(
			List<ReactiveOAuth2AuthorizedClientProvider> defined, Class<P> type) {
		return defined.stream().filter((provider) -> provider.getClass() == type).map(type::cast).findFirst()
			.orElse(null);
	}

	private static void addIfPresent(List<ReactiveOAuth2AuthorizedClientProvider> providers,
			@Nullable ReactiveOAuth2AuthorizedClientProvider provider) {
		if (provider != null) {
			providers.add(provider);
		}
	}

}
