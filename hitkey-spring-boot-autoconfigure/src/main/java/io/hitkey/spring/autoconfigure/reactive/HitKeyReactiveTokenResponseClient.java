package io.hitkey.spring.autoconfigure.reactive;

import io.hitkey.spring.autoconfigure.HitKeyErrors;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.reactive.function.client.WebClientException;

/**
 * Makes a HitKey that cannot be reached, times out or answers garbage fail a token
 * request like any OAuth2 error. Spring Security's reactive token clients let the
 * {@link WebClientException} through, which would end a sign-in with an error 500.
 *
 * @param <T> the type of grant request
 * @author HitKey
 */
final class HitKeyReactiveTokenResponseClient<T extends AbstractOAuth2AuthorizationGrantRequest>
		implements ReactiveOAuth2AccessTokenResponseClient<T> {

	private final ReactiveOAuth2AccessTokenResponseClient<T> delegate;

	HitKeyReactiveTokenResponseClient(ReactiveOAuth2AccessTokenResponseClient<T> delegate) {
		this.delegate = delegate;
	}

	@Override
	public Mono<OAuth2AccessTokenResponse> getTokenResponse(T grantRequest) {
		return this.delegate.getTokenResponse(grantRequest)
			.onErrorMap(WebClientException.class, (ex) -> new OAuth2AuthorizationException(
					new OAuth2Error("invalid_token_response", HitKeyErrors.UNREACHABLE, null), ex));
	}

}
