package io.hitkey.spring.web;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.Authentication;

/**
 * Lets everyone reach the failure page of HitKey sign-in, whatever the chain's
 * {@code authorizeHttpRequests()} rules say, as {@code oauth2Login().permitAll()} does for
 * Spring Security's own URLs: a failed sign-in has no session, and a failure page that
 * needs one sends the browser back to HitKey. The page is matched as
 * {@code permitAll()} matches it: its path and query exactly.
 *
 * @author HitKey
 */
final class FailurePageAccess implements ObjectPostProcessor<AuthorizationManager<HttpServletRequest>> {

	private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

	private final String failureUrl;

	FailurePageAccess(String failureUrl) {
		this.failureUrl = failureUrl;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <O extends AuthorizationManager<HttpServletRequest>> O postProcess(O manager) {
		return (O) new PermittingFailurePage(manager);
	}

	boolean isFailurePage(HttpServletRequest request) {
		String query = request.getQueryString();
		String url = request.getRequestURI() + ((query != null) ? "?" + query : "");
		return url.equals(request.getContextPath() + this.failureUrl);
	}

	private final class PermittingFailurePage implements AuthorizationManager<HttpServletRequest> {

		private final AuthorizationManager<HttpServletRequest> rules;

		private PermittingFailurePage(AuthorizationManager<HttpServletRequest> rules) {
			this.rules = rules;
		}

		@Override
		public @Nullable AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
				HttpServletRequest request) {
			return isFailurePage(request) ? GRANTED : this.rules.authorize(authentication, request);
		}

		@Override
		public String toString() {
			return "permitAll() for " + FailurePageAccess.this.failureUrl + ", then " + this.rules;
		}

	}

}
