package io.hitkey.spring.web;

import java.io.IOException;

import io.hitkey.spring.autoconfigure.HitKeyLogText;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Ends a failed sign-in on the failure page, like Spring Security's default, and logs
 * one line that says why: the OAuth2 error code and HitKey's message, which carry no
 * secrets. The session keeps the error, not what Spring Security attached to it.
 *
 * @author HitKey
 */
final class HitKeyLoginFailureHandler extends SimpleUrlAuthenticationFailureHandler {

	private static final Log logger = LogFactory.getLog(HitKeyLoginFailureHandler.class);

	HitKeyLoginFailureHandler(String failureUrl) {
		super(failureUrl);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		AuthenticationException failure = exception;
		if (exception instanceof OAuth2AuthenticationException oauth2) {
			OAuth2Error error = oauth2.getError();
			// Both may come from the callback's query: anyone can put line breaks there.
			logger.warn("HitKey sign-in failed: " + HitKeyLogText.of(error.getErrorCode())
					+ ((error.getDescription() != null) ? ": " + HitKeyLogText.of(error.getDescription()) : ""));
			// Kept in the session, which may be in a shared store: without its cause and the
			// sign-in request Spring Security attaches to it (the client registration with its
			// secret, the authorization code).
			failure = new OAuth2AuthenticationException(error);
		}
		else {
			logger.warn("HitKey sign-in failed: " + exception.getClass().getSimpleName());
		}
		super.onAuthenticationFailure(request, response, failure);
	}

}
