package io.hitkey.spring.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.util.WebUtils;

/**
 * Keeps the pending authorization requests of a session, keyed by state, for as long as
 * HitKey's codes live (ten minutes), at most {@value #MAX_PENDING}: an older one is
 * neither loaded nor kept. Spring Security's
 * {@code HttpSessionOAuth2AuthorizationRequestRepository} keeps only the latest one, so
 * a sign-in started in one tab fails with {@code authorization_request_not_found} once
 * another tab has started its own.
 * The map is replaced, not changed in place, so that shared session stores see the
 * change, and leaves the session once no sign-in is pending.
 *
 * @author HitKey
 */
final class PendingAuthorizationRequestRepository implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

	static final String SESSION_ATTRIBUTE = PendingAuthorizationRequestRepository.class.getName() + ".REQUESTS";

	static final int MAX_PENDING = 20;

	static final Duration MAX_AGE = Duration.ofMinutes(10);

	private static final String STARTED_AT = PendingAuthorizationRequestRepository.class.getName() + ".STARTED_AT";

	@Override
	public @Nullable OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
		String state = request.getParameter(OAuth2ParameterNames.STATE);
		HttpSession session = request.getSession(false);
		if (state == null || session == null) {
			return null;
		}
		synchronized (WebUtils.getSessionMutex(session)) {
			return fresh(session, System.currentTimeMillis()).get(state);
		}
	}

	@Override
	public void saveAuthorizationRequest(@Nullable OAuth2AuthorizationRequest authorizationRequest,
			HttpServletRequest request, HttpServletResponse response) {
		if (authorizationRequest == null) {
			removeAuthorizationRequest(request, response);
			return;
		}
		HttpSession session = request.getSession();
		long now = System.currentTimeMillis();
		OAuth2AuthorizationRequest stamped = OAuth2AuthorizationRequest.from(authorizationRequest)
			.attributes((attributes) -> attributes.put(STARTED_AT, now))
			.build();
		synchronized (WebUtils.getSessionMutex(session)) {
			LinkedHashMap<String, OAuth2AuthorizationRequest> requests = new LinkedHashMap<>(fresh(session, now));
			requests.put(stamped.getState(), stamped);
			while (requests.size() > MAX_PENDING) {
				requests.remove(requests.keySet().iterator().next());
			}
			session.setAttribute(SESSION_ATTRIBUTE, requests);
		}
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
			HttpServletResponse response) {
		String state = request.getParameter(OAuth2ParameterNames.STATE);
		HttpSession session = request.getSession(false);
		if (state == null || session == null) {
			return null;
		}
		synchronized (WebUtils.getSessionMutex(session)) {
			LinkedHashMap<String, OAuth2AuthorizationRequest> requests = new LinkedHashMap<>(
					fresh(session, System.currentTimeMillis()));
			OAuth2AuthorizationRequest removed = requests.remove(state);
			if (removed != null) {
				store(session, requests);
			}
			return removed;
		}
	}

	/**
	 * Return the pending requests of the session that are younger than
	 * {@link #MAX_AGE}, after dropping the older ones from the session: a session kept
	 * in a shared store may come back long after its last save.
	 */
	private static Map<String, OAuth2AuthorizationRequest> fresh(HttpSession session, long now) {
		Map<String, OAuth2AuthorizationRequest> requests = pending(session);
		long startedBefore = now - MAX_AGE.toMillis();
		if (requests.values().stream().noneMatch((pending) -> isOlderThan(pending, startedBefore))) {
			return requests;
		}
		LinkedHashMap<String, OAuth2AuthorizationRequest> fresh = new LinkedHashMap<>(requests);
		fresh.values().removeIf((pending) -> isOlderThan(pending, startedBefore));
		store(session, fresh);
		return fresh;
	}

	private static void store(HttpSession session, Map<String, OAuth2AuthorizationRequest> requests) {
		if (requests.isEmpty()) {
			session.removeAttribute(SESSION_ATTRIBUTE);
		}
		else {
			session.setAttribute(SESSION_ATTRIBUTE, requests);
		}
	}

	private static boolean isOlderThan(OAuth2AuthorizationRequest request, long time) {
		return request.getAttribute(STARTED_AT) instanceof Long startedAt && startedAt < time;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, OAuth2AuthorizationRequest> pending(HttpSession session) {
		Object requests = session.getAttribute(SESSION_ATTRIBUTE);
		return (requests instanceof Map<?, ?> map) ? (Map<String, OAuth2AuthorizationRequest>) map : Map.of();
	}

}
