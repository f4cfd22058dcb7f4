package io.hitkey.spring.web;

import java.io.IOException;

import io.hitkey.spring.autoconfigure.HitKeySignInFailures;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Ends a failed sign-in on the failure page, like Spring Security's default, logs one
 * line that says why, and keeps the error for the failure page without its cause (see
 * {@link HitKeySignInFailures}).
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
		logger.warn(HitKeySignInFailures.logLine(exception));
		super.onAuthenticationFailure(request, response, HitKeySignInFailures.forSession(exception));
	}

}
