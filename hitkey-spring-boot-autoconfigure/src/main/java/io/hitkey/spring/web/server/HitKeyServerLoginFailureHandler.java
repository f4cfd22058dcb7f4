package io.hitkey.spring.web.server;

import io.hitkey.spring.autoconfigure.HitKeyBearerTokenFailures;
import io.hitkey.spring.autoconfigure.HitKeySignInFailures;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;

/**
 * Ends a failed sign-in on the failure page, like Spring Security's default, logs one
 * line that says why, and keeps the error for the failure page in the session attribute
 * {@code SPRING_SECURITY_LAST_EXCEPTION}, as on the servlet stack (see
 * {@link HitKeySignInFailures}).
 *
 * @author HitKey
 */
final class HitKeyServerLoginFailureHandler implements ServerAuthenticationFailureHandler {

	private static final Log logger = LogFactory.getLog(HitKeyServerLoginFailureHandler.class);

	private final ServerAuthenticationFailureHandler redirect;

	HitKeyServerLoginFailureHandler(String failureUrl) {
		this.redirect = new RedirectServerAuthenticationFailureHandler(failureUrl);
	}

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException exception) {
		if (HitKeyBearerTokenFailures.isUnavailable(exception)) {
			// A Bearer token check failed further down the chain, and went up through the
			// sign-in filter: not a sign-in failure.
			return Mono.error(exception);
		}
		logger.warn(HitKeySignInFailures.logLine(exception));
		AuthenticationException kept = HitKeySignInFailures.forSession(exception);
		return exchange.getExchange()
			.getSession()
			.doOnNext((session) -> session.getAttributes().put(WebAttributes.AUTHENTICATION_EXCEPTION, kept))
			.then(this.redirect.onAuthenticationFailure(exchange, exception));
	}

}
