package io.hitkey.spring.autoconfigure;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code 503} with {@code Retry-After} when HitKey could not refresh a token
 * (down, slow, answering garbage), in whatever filter chain: an error 500 would say the
 * application is broken. It sits in front of Spring Security; the session and its tokens
 * are kept for the next try. A refresh HitKey refused is not its business: the user
 * signs in again (see {@link RefusedRefreshFailureHandler}).
 *
 * @author HitKey
 */
final class HitKeyUnavailableFilter extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(HitKeyUnavailableFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			ClientAuthorizationException failure = HitKeyRefreshFailures.find(ex);
			if (failure == null || HitKeyRefreshFailures.requiresSignIn(failure.getError())
					|| response.isCommitted()) {
				throw ex;
			}
			logger.warn(HitKeyRefreshFailures.unavailableLogLine(failure.getError()));
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(HitKeyRefreshFailures.RETRY_AFTER.toSeconds()));
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, HitKeyRefreshFailures.UNAVAILABLE_MESSAGE);
		}
	}

}
