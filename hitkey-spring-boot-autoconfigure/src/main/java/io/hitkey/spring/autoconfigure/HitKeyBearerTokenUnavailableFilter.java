package io.hitkey.spring.autoconfigure;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code 503} with {@code Retry-After} when HitKey could not check a Bearer
 * token, in whatever filter chain. Spring Security's Bearer token filter rethrows such a
 * failure, which would end on the error page as a {@code 401} that tells the client to
 * drop a token that may well be valid. It sits in front of Spring Security.
 *
 * @author HitKey
 * @see HitKeyBearerTokenFailures
 */
final class HitKeyBearerTokenUnavailableFilter extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(HitKeyBearerTokenUnavailableFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!HitKeyBearerTokenFailures.isUnavailable(ex) || response.isCommitted()) {
				throw ex;
			}
			logger.warn(HitKeyBearerTokenFailures.unavailableLogLine(ex));
			response.resetBuffer();
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(HitKeyRefreshFailures.RETRY_AFTER.toSeconds()));
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getOutputStream().write(HitKeyBearerTokenFailures.UNAVAILABLE_BODY);
		}
	}

}
