package io.hitkey.spring.autoconfigure;

import java.io.IOException;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Observes each request to HitKey's callback as {@code hitkey.signin} (see
 * {@link HitKeyObservations}), in front of Spring Security, so in any filter chain: the
 * observation is in scope while the chain processes the callback, and the token and
 * userinfo calls are its children. The outcome is what the chain left: the security
 * context it saved (in the request, as Spring Security's default repository does, or
 * else in the session), or the failure a failure handler kept in the session for the
 * failure page.
 *
 * @author HitKey
 */
final class SignInObservationFilter extends OncePerRequestFilter {

	private final String callbackPath;

	private final ObservationRegistry registry;

	SignInObservationFilter(String callbackPath, ObservationRegistry registry) {
		this.callbackPath = callbackPath;
		this.registry = registry;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.callbackPath.equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession before = request.getSession(false);
		Object context = attribute(before, HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		Object failure = attribute(before, WebAttributes.AUTHENTICATION_EXCEPTION);
		Observation observation = HitKeyObservations.startSignIn(this.registry,
				this.registry.getCurrentObservation());
		try (Observation.Scope scope = observation.openScope()) {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			HttpSession after = request.getSession(false);
			Object signedIn = request.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME);
			if (signedIn == null) {
				signedIn = changed(after, HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
			}
			HitKeyObservations.endSignIn(observation, signedIn,
					changed(after, WebAttributes.AUTHENTICATION_EXCEPTION, failure));
		}
	}

	private static @Nullable Object changed(@Nullable HttpSession session, String name, @Nullable Object before) {
		Object after = attribute(session, name);
		return (after != before) ? after : null;
	}

	private static @Nullable Object attribute(@Nullable HttpSession session, String name) {
		try {
			return (session != null) ? session.getAttribute(name) : null;
		}
		catch (IllegalStateException ex) {
			// Invalidated by the chain.
			return null;
		}
	}

}
