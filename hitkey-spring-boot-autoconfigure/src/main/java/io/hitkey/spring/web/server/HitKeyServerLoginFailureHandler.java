package io.hitkey.spring.web.server;

import io.hitkey.spring.autoconfigure.HitKeyLogText;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;

/**
 * Ends a failed sign-in on the failure page, like Spring Security's default, logs one
 * line that says why (the OAuth2 error code and HitKey's message, made safe to log), and
 * keeps the error in the session attribute {@code SPRING_SECURITY_LAST_EXCEPTION} for
 * the failure page, as on the servlet stack.
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
		AuthenticationException failure = exception;
		if (exception instanceof OAuth2AuthenticationException oauth2) {
			OAuth2Error error = oauth2.getError();
			logger.warn("HitKey sign-in failed: " + HitKeyLogText.of(error.getErrorCode())
					+ ((error.getDescription() != null) ? ": " + HitKeyLogText.of(error.getDescription()) : ""));
			// Without its cause, which may hold HitKey's answer and need not be serializable.
			failure = new OAuth2AuthenticationException(error);
		}
		else {
			logger.warn("HitKey sign-in failed: " + exception.getClass().getSimpleName());
		}
		AuthenticationException lastException = failure;
		return exchange.getExchange()
			.getSession()
			.doOnNext((session) -> session.getAttributes().put(WebAttributes.AUTHENTICATION_EXCEPTION, lastException))
			.then(this.redirect.onAuthenticationFailure(exchange, exception));
	}

}
