package io.hitkey.spring.web;

import java.io.IOException;

import io.hitkey.spring.autoconfigure.HitKeyRefreshFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs the user out when HitKey no longer accepts the refresh token (it expired, or
 * reached HitKey's 90-day cap), and lets the chain's entry point take over: a browser is
 * sent to sign in again and comes back to the page it asked for, an API client gets a
 * {@code 401}. Other failures of a refresh (HitKey down, slow or answering garbage) pass
 * on, to the starter's {@code 503} with {@code Retry-After}; failures of other
 * registrations are left alone.
 *
 * @author HitKey
 */
final class HitKeyAuthorizationFailureFilter extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(HitKeyAuthorizationFailureFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			ClientAuthorizationException failure = HitKeyRefreshFailures.find(ex);
			if (failure == null || !HitKeyRefreshFailures.requiresSignIn(failure.getError())
					|| response.isCommitted()) {
				throw ex;
			}
			if (!hasSignInRequired(ex)) {
				// Not logged yet by the starter's authorized client manager.
				logger.info(HitKeyRefreshFailures.refusedLogLine(failure.getError()));
			}
			new SecurityContextLogoutHandler().logout(request, response,
					SecurityContextHolder.getContext().getAuthentication());
			throw new InsufficientAuthenticationException("HitKey no longer accepts the refresh token", failure);
		}
	}

	private static boolean hasSignInRequired(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ClientAuthorizationRequiredException) {
				return true;
			}
		}
		return false;
	}

}
