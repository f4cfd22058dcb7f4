package io.hitkey.spring.autoconfigure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.AuthorizationCodeOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.JwtBearerOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.TokenExchangeOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.JwtBearerGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.TokenExchangeGrantRequest;

/**
 * The grants of the {@code OAuth2AuthorizedClientManager} that Spring Security defines
 * when the application has none, built from the same beans: the starter's manager
 * replaces that one, so the application's other registrations must keep every grant it
 * supports. An application's {@link DelegatingOAuth2AuthorizedClientProvider} bean is
 * taken as it is; otherwise authorization code, refresh token (with HitKey's JSON token
 * client) and client credentials, JWT bearer and token exchange when the application
 * has a token client or provider bean for them, and the application's other provider
 * beans.
 *
 * @author HitKey
 */
final class AuthorizedClientProviders {

	private static final Set<Class<?>> KNOWN = Set.of(AuthorizationCodeOAuth2AuthorizedClientProvider.class,
			RefreshTokenOAuth2AuthorizedClientProvider.class, ClientCredentialsOAuth2AuthorizedClientProvider.class,
			JwtBearerOAuth2AuthorizedClientProvider.class, TokenExchangeOAuth2AuthorizedClientProvider.class);

	private final Collection<OAuth2AuthorizedClientProvider> beans;

	AuthorizedClientProviders(Collection<OAuth2AuthorizedClientProvider> beans) {
		this.beans = beans;
	}

	OAuth2AuthorizedClientProvider build(
			@Nullable OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshToken,
			@Nullable OAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> clientCredentials,
			@Nullable OAuth2AccessTokenResponseClient<JwtBearerGrantRequest> jwtBearer,
			@Nullable OAuth2AccessTokenResponseClient<TokenExchangeGrantRequest> tokenExchange) {
		if (this.beans.size() == 1
				&& this.beans.iterator().next() instanceof DelegatingOAuth2AuthorizedClientProvider delegating) {
			return delegating;
		}
		List<OAuth2AuthorizedClientProvider> providers = new ArrayList<>();
		providers.add(orNew(AuthorizationCodeOAuth2AuthorizedClientProvider.class,
				AuthorizationCodeOAuth2AuthorizedClientProvider::new));
		providers.add(configured(orNew(RefreshTokenOAuth2AuthorizedClientProvider.class,
				RefreshTokenOAuth2AuthorizedClientProvider::new), refreshToken,
				RefreshTokenOAuth2AuthorizedClientProvider::setAccessTokenResponseClient));
		providers.add(configured(orNew(ClientCredentialsOAuth2AuthorizedClientProvider.class,
				ClientCredentialsOAuth2AuthorizedClientProvider::new), clientCredentials,
				ClientCredentialsOAuth2AuthorizedClientProvider::setAccessTokenResponseClient));
		addIfWanted(providers, JwtBearerOAuth2AuthorizedClientProvider.class,
				JwtBearerOAuth2AuthorizedClientProvider::new, jwtBearer,
				JwtBearerOAuth2AuthorizedClientProvider::setAccessTokenResponseClient);
		addIfWanted(providers, TokenExchangeOAuth2AuthorizedClientProvider.class,
				TokenExchangeOAuth2AuthorizedClientProvider::new, tokenExchange,
				TokenExchangeOAuth2AuthorizedClientProvider::setAccessTokenResponseClient);
		this.beans.stream().filter((provider) -> !KNOWN.contains(provider.getClass())).forEach(providers::add);
		return new DelegatingOAuth2AuthorizedClientProvider(providers);
	}

	/**
	 * Add the provider of a grant that Spring Security supports only when the
	 * application asks for it with a provider or a token client bean.
	 */
	private <P extends OAuth2AuthorizedClientProvider, C> void addIfWanted(
			List<OAuth2AuthorizedClientProvider> providers, Class<P> type, Supplier<P> create, @Nullable C client,
			BiConsumer<P, C> setter) {
		P provider = bean(type);
		if (provider == null && client == null) {
			return;
		}
		providers.add(configured((provider != null) ? provider : create.get(), client, setter));
	}

	private <P extends OAuth2AuthorizedClientProvider> P orNew(Class<P> type, Supplier<P> create) {
		P provider = bean(type);
		return (provider != null) ? provider : create.get();
	}

	private static <P, C> P configured(P provider, @Nullable C client, BiConsumer<P, C> setter) {
		if (client != null) {
			setter.accept(provider, client);
		}
		return provider;
	}

	private <P extends OAuth2AuthorizedClientProvider> @Nullable P bean(Class<P> type) {
		List<P> found = this.beans.stream().filter(type::isInstance).map(type::cast).toList();
		if (found.size() > 1) {
			throw new IllegalStateException("Expected one bean of type " + type.getName() + ", but found "
					+ found.size() + ": define only one, or an OAuth2AuthorizedClientManager bean of your own");
		}
		return found.isEmpty() ? null : found.get(0);
	}

}
