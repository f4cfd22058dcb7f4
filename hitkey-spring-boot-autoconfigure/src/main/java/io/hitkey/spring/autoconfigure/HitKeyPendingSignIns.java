package io.hitkey.spring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Which sign-ins of a session are still pending, on either stack: HitKey's codes live
 * {@link #MAX_AGE ten minutes}, so a sign-in started longer ago can no longer be
 * completed, and a session keeps at most {@value #MAX_PENDING} of them (several tabs,
 * not an unbounded list). Pending sign-ins are kept by their {@code state}, the oldest
 * first, each stamped with the time it started.
 *
 * @author HitKey
 */
public final class HitKeyPendingSignIns {

	/**
	 * How many pending sign-ins a session keeps.
	 */
	public static final int MAX_PENDING = 20;

	/**
	 * How long a sign-in stays pending: as long as HitKey's codes live.
	 */
	public static final Duration MAX_AGE = Duration.ofMinutes(10);

	private static final String STARTED_AT = HitKeyPendingSignIns.class.getName() + ".STARTED_AT";

	private HitKeyPendingSignIns() {
	}

	/**
	 * Return the given pending sign-ins, as kept in a session attribute.
	 * @param attribute the attribute's value, or {@code null}
	 * @return the pending sign-ins by state, possibly empty
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, OAuth2AuthorizationRequest> of(@Nullable Object attribute) {
		return (attribute instanceof Map<?, ?> map) ? (Map<String, OAuth2AuthorizationRequest>) map : Map.of();
	}

	/**
	 * Return whether the given sign-in can still be completed at the given time. One
	 * without a start time is taken as too old.
	 * @param request the pending sign-in
	 * @param now the time, in milliseconds since the epoch
	 * @return whether it is still pending
	 */
	public static boolean isPending(OAuth2AuthorizationRequest request, long now) {
		return request.getAttribute(STARTED_AT) instanceof Long startedAt && startedAt >= now - MAX_AGE.toMillis();
	}

	/**
	 * Return the sign-ins of the given ones that are still pending at the given time.
	 * @param pending the pending sign-ins by state
	 * @param now the time, in milliseconds since the epoch
	 * @return a new map of those still pending
	 */
	public static LinkedHashMap<String, OAuth2AuthorizationRequest> stillPending(
			Map<String, OAuth2AuthorizationRequest> pending, long now) {
		LinkedHashMap<String, OAuth2AuthorizationRequest> fresh = new LinkedHashMap<>(pending);
		fresh.values().removeIf((request) -> !isPending(request, now));
		return fresh;
	}

	/**
	 * Return the given pending sign-ins with one more, started at the given time: those
	 * still pending and the new one, the oldest dropped beyond {@link #MAX_PENDING}.
	 * @param pending the pending sign-ins by state
	 * @param started the sign-in that starts
	 * @param now the time, in milliseconds since the epoch
	 * @return a new map of the pending sign-ins
	 */
	public static LinkedHashMap<String, OAuth2AuthorizationRequest> adding(
			Map<String, OAuth2AuthorizationRequest> pending, OAuth2AuthorizationRequest started, long now) {
		LinkedHashMap<String, OAuth2AuthorizationRequest> requests = stillPending(pending, now);
		requests.put(started.getState(),
				OAuth2AuthorizationRequest.from(started).attributes((attributes) -> attributes.put(STARTED_AT, now)).build());
		while (requests.size() > MAX_PENDING) {
			requests.remove(requests.keySet().iterator().next());
		}
		return requests;
	}

}
