package io.hitkey.spring.autoconfigure;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Masks the authorization code in the query string of HitKey's callback, and only
 * there. Spring Security logs each request line at debug level ({@code Securing GET
 * /login/oauth2/code/hitkey?code=...}); the code is a credential until it is used. The
 * parameter itself is untouched, so the sign-in reads it as usual.
 *
 * @author HitKey
 */
final class AuthorizationCodeLogMaskingFilter extends OncePerRequestFilter {

	private final String callbackPath;

	AuthorizationCodeLogMaskingFilter(String callbackPath) {
		this.callbackPath = callbackPath;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String query = request.getQueryString();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !this.callbackPath.equals(path) || query == null || !HitKeyLogText.hasCode(query);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new MaskedQueryRequest(request), response);
	}

	private static final class MaskedQueryRequest extends HttpServletRequestWrapper {

		MaskedQueryRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getQueryString() {
			String query = super.getQueryString();
			return (query != null) ? HitKeyLogText.maskCode(query) : null;
		}

	}

}
