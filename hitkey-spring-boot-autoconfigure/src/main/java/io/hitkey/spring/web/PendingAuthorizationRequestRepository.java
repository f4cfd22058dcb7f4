package io.hitkey.spring.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.hitkey.spring.autoconfigure.HitKeyPendingSignIns;
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
 * HitKey's codes live (ten minutes), at most {@value HitKeyPendingSignIns#MAX_PENDING}: an older one is
 * neither loaded nor kept. Spring Security's
 * {@code HttpSessionOAuth2AuthorizationRequestRepository} keeps only the latest one, so
 * a sign-in started in one tab fails with {@code authorization_request_not_found} once
 * another tab has started its own.
 * The map is replaced, not changed in place, so that shared session stores see the
 * change, and leaves the session once no sign-in is pending.
 *
 * @author HitKey
 */
final class PendingAuthorizationRequestRepository
		implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

	static final String SESSION_ATTRIBUTE = PendingAuthorizationRequestRepository.class.getName() + ".REQUESTS";

	@Override
	public @Nullable OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
		String state = request.getParameter(OAuth2ParameterNames.STATE);
		HttpSession session = request.getSession(false);
		if (state == null || session == null) {
			return null;
		}
		synchronized (WebUtils.getSessionMutex(session)) {
			return stillPending(session, System.currentTimeMillis()).get(state);
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
		synchronized (WebUtils.getSessionMutex(session)) {
			session.setAttribute(SESSION_ATTRIBUTE, HitKeyPendingSignIns.adding(
					HitKeyPendingSignIns.of(session.getAttribute(SESSION_ATTRIBUTE)), authorizationRequest,
					System.currentTimeMillis()));
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
			Map<String, OAuth2AuthorizationRequest> requests = stillPending(session, System.currentTimeMillis());
			if (!requests.containsKey(state)) {
				return null;
			}
			Map<String, OAuth2AuthorizationRequest> left = new LinkedHashMap<>(requests);
			OAuth2AuthorizationRequest removed = left.remove(state);
			store(session, left);
			return removed;
		}
	}

	/**
	 * Return the sign-ins of the session that are still pending, after dropping the
	 * others from the session: a session kept in a shared store may come back long
	 * after its last save.
	 */
	private static Map<String, OAuth2AuthorizationRequest> stillPending(HttpSession session, long now) {
		Map<String, OAuth2AuthorizationRequest> requests = HitKeyPendingSignIns.of(session.getAttribute(SESSION_ATTRIBUTE));
		Map<String, OAuth2AuthorizationRequest> fresh = HitKeyPendingSignIns.stillPending(requests, now);
		if (fresh.size() != requests.size()) {
			store(session, fresh);
		}
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

}
