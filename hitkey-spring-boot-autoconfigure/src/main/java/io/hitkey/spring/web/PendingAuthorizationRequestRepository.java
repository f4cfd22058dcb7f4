package io.hitkey.spring.web;

import java.time.Clock;
import java.util.Collections;
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
 * Keeps the pending authorization requests of a session, each in an attribute of its
 * own (see {@link HitKeyPendingSignIns}), for as long as HitKey's codes live. Spring
 * Security's {@code HttpSessionOAuth2AuthorizationRequestRepository} keeps only the
 * latest one, so a sign-in started in one tab fails with
 * {@code authorization_request_not_found} once another tab has started its own; and one
 * shared attribute for all of them would lose sign-ins started at the same moment once
 * a shared store (Spring Session) keeps the session.
 *
 * @author HitKey
 */
final class PendingAuthorizationRequestRepository
		implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

	/**
	 * Where earlier versions of the starter kept all pending sign-ins, in one attribute.
	 */
	static final String FORMER_ATTRIBUTE = PendingAuthorizationRequestRepository.class.getName() + ".REQUESTS";

	private final Clock clock;

	PendingAuthorizationRequestRepository() {
		this(Clock.systemUTC());
	}

	PendingAuthorizationRequestRepository(Clock clock) {
		this.clock = clock;
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
		String state = request.getParameter(OAuth2ParameterNames.STATE);
		HttpSession session = request.getSession(false);
		if (state == null || session == null) {
			return null;
		}
		return HitKeyPendingSignIns.pending(session.getAttribute(HitKeyPendingSignIns.attributeName(state)),
				this.clock.millis());
	}

	@Override
	public void saveAuthorizationRequest(@Nullable OAuth2AuthorizationRequest authorizationRequest,
			HttpServletRequest request, HttpServletResponse response) {
		if (authorizationRequest == null) {
			removeAuthorizationRequest(request, response);
			return;
		}
		HttpSession session = request.getSession();
		long now = this.clock.millis();
		HitKeyPendingSignIns.toRemoveBeforeStart(pendingSignIns(session), now).forEach(session::removeAttribute);
		if (session.getAttribute(FORMER_ATTRIBUTE) != null) {
			session.removeAttribute(FORMER_ATTRIBUTE);
		}
		session.setAttribute(HitKeyPendingSignIns.attributeName(authorizationRequest.getState()),
				HitKeyPendingSignIns.started(authorizationRequest, now));
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
			HttpServletResponse response) {
		String state = request.getParameter(OAuth2ParameterNames.STATE);
		HttpSession session = request.getSession(false);
		if (state == null || session == null) {
			return null;
		}
		String name = HitKeyPendingSignIns.attributeName(state);
		Object removed;
		synchronized (WebUtils.getSessionMutex(session)) {
			removed = session.getAttribute(name);
			if (removed != null) {
				session.removeAttribute(name);
			}
		}
		return HitKeyPendingSignIns.pending(removed, this.clock.millis());
	}

	/**
	 * Return the session's pending sign-ins by attribute name, reading no other
	 * attribute: a shared store deserializes an attribute when it is read.
	 */
	private static Map<String, Object> pendingSignIns(HttpSession session) {
		Map<String, Object> pending = new LinkedHashMap<>();
		for (String name : Collections.list(session.getAttributeNames())) {
			if (HitKeyPendingSignIns.isAttributeName(name)) {
				pending.put(name, session.getAttribute(name));
			}
		}
		return pending;
	}

}
