package io.hitkey.spring.autoconfigure;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Removes the authorized client that HitKey no longer accepts, like Spring Security's
 * default, and turns HitKey's refusal of a refresh token into a
 * {@link ClientAuthorizationRequiredException} (caused by the refusal), which
 * {@code oauth2Login()} and {@code oauth2Client()} answer with a new sign-in at HitKey,
 * in any filter chain, where the refusal would otherwise end in an error 500.
 *
 * @author HitKey
 */
final class SignInAgainAuthorizationFailureHandler implements ReactiveOAuth2AuthorizationFailureHandler {

	private final ReactiveOAuth2AuthorizationFailureHandler removal;

	SignInAgainAuthorizationFailureHandler(ServerOAuth2AuthorizedClientRepository authorizedClients) {
		this.removal = new RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler(
				(registrationId, principal, attributes) -> authorizedClients.removeAuthorizedClient(registrationId,
						principal, (ServerWebExchange) attributes.get(ServerWebExchange.class.getName())));
	}

	@Override
	public Mono<Void> onAuthorizationFailure(OAuth2AuthorizationException failure, Authentication principal,
			Map<String, Object> attributes) {
		Mono<Void> removed = this.removal.onAuthorizationFailure(failure, principal, attributes);
		ClientAuthorizationRequiredException signInAgain = HitKeyRefreshFailures.signInAgain(failure);
		return (signInAgain != null) ? removed.then(Mono.error(signInAgain)) : removed;
	}

}
