package io.hitkey.spring.autoconfigure;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * Makes a HitKey that cannot be reached, is too slow or answers garbage fail a token
 * request like any OAuth2 error, as on the servlet side: {@code invalid_token_response}
 * described as {@link HitKeyErrors#UNREACHABLE}, with the original as the cause. Spring
 * Security's reactive token clients let a {@code WebClientException} or a
 * {@code DataBufferLimitException} through, which would end a sign-in with an error 500.
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
			.onErrorMap((ex) -> !(ex instanceof OAuth2AuthorizationException), (ex) -> new OAuth2AuthorizationException(
					new OAuth2Error("invalid_token_response", HitKeyErrors.UNREACHABLE, null), ex))
			.switchIfEmpty(Mono.error(() -> new OAuth2AuthorizationException(
					new OAuth2Error("invalid_token_response", HitKeyErrors.UNREACHABLE, null))));
	}

}
