package io.hitkey.spring.autoconfigure;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.RemoveAuthorizedClientOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

/**
 * Handles a failed authorization of the {@code OAuth2AuthorizedClientManager} as Spring
 * Security's default does (the authorized client is forgotten when its tokens are
 * refused), and turns a refresh that HitKey refused into a
 * {@link ClientAuthorizationRequiredException}, whose cause is HitKey's refusal. Any
 * filter chain with {@code oauth2Login()} then sends the browser to sign in again and
 * back, through Spring Security's {@code OAuth2AuthorizationRequestRedirectFilter},
 * instead of answering {@code 500}; a chain with {@code HitKeyLoginConfigurer} signs the
 * user out first and gives API clients a {@code 401}.
 *
 * @author HitKey
 */
final class RefusedRefreshFailureHandler implements OAuth2AuthorizationFailureHandler {

	private static final Log logger = LogFactory.getLog(RefusedRefreshFailureHandler.class);

	private final OAuth2AuthorizationFailureHandler removeAuthorizedClient;

	RefusedRefreshFailureHandler(OAuth2AuthorizedClientRepository authorizedClientRepository) {
		this.removeAuthorizedClient = new RemoveAuthorizedClientOAuth2AuthorizationFailureHandler(
				(registrationId, principal, attributes) -> authorizedClientRepository.removeAuthorizedClient(
						registrationId, principal, (HttpServletRequest) attributes.get(HttpServletRequest.class.getName()),
						(HttpServletResponse) attributes.get(HttpServletResponse.class.getName())));
	}

	@Override
	public void onAuthorizationFailure(OAuth2AuthorizationException failure, @Nullable Authentication principal,
			Map<String, Object> attributes) {
		this.removeAuthorizedClient.onAuthorizationFailure(failure, principal, attributes);
		ClientAuthorizationRequiredException signInAgain = HitKeyRefreshFailures.signInAgain(failure);
		if (signInAgain != null) {
			logger.info(HitKeyRefreshFailures.refusedLogLine(failure.getError()));
			// DefaultOAuth2AuthorizedClientManager rethrows the failure once its handler
			// returns: the handler is the one place that can replace it.
			throw signInAgain;
		}
	}

}
