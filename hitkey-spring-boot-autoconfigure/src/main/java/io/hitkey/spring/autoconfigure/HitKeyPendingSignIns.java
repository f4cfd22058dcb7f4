package io.hitkey.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * How a session keeps its pending sign-ins, on either stack: each in a session attribute
 * of its own, named after its {@code state}, so that sign-ins started at the same moment
 * in several tabs never overwrite each other, whatever keeps the session (a shared store
 * such as Redis or a database saves each attribute on its own). HitKey's codes live
 * {@link #MAX_AGE ten minutes}, so a sign-in started longer ago can no longer be
 * completed, and a session keeps at most {@value #MAX_PENDING} of them (several tabs,
 * not an unbounded list). Each is stamped with the time it started.
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

	private static final String ATTRIBUTE_PREFIX = "io.hitkey.spring.PENDING_SIGN_IN.";

	private static final String STARTED_AT = HitKeyPendingSignIns.class.getName() + ".STARTED_AT";

	private HitKeyPendingSignIns() {
	}

	/**
	 * Return the name of the session attribute that keeps the sign-in with the given
	 * state.
	 * @param state the sign-in's {@code state}
	 * @return the attribute name
	 */
	public static String attributeName(String state) {
		return ATTRIBUTE_PREFIX + state;
	}

	/**
	 * Return whether the given session attribute keeps a pending sign-in.
	 * @param attributeName the name of a session attribute
	 * @return whether it is one of {@link #attributeName(String)}
	 */
	public static boolean isAttributeName(String attributeName) {
		return attributeName.startsWith(ATTRIBUTE_PREFIX);
	}

	/**
	 * Return the given sign-in as it is kept in the session: stamped with the time it
	 * started.
	 * @param request the sign-in that starts
	 * @param now the time, in milliseconds since the epoch
	 * @return the value of its session attribute
	 */
	public static OAuth2AuthorizationRequest started(OAuth2AuthorizationRequest request, long now) {
		return OAuth2AuthorizationRequest.from(request).attributes((attributes) -> attributes.put(STARTED_AT, now)).build();
	}

	/**
	 * Return the sign-in kept in a session attribute if it can still be completed at the
	 * given time. Anything else, a sign-in without a start time included, is not pending.
	 * @param attribute the attribute's value, or {@code null}
	 * @param now the time, in milliseconds since the epoch
	 * @return the pending sign-in, or {@code null}
	 */
	public static @Nullable OAuth2AuthorizationRequest pending(@Nullable Object attribute, long now) {
		return (attribute instanceof OAuth2AuthorizationRequest request && startedAt(request) >= now - MAX_AGE.toMillis())
				? request : null;
	}

	/**
	 * Return which of a session's pending sign-in attributes to remove before one more
	 * sign-in starts: those no longer pending and, of the others, the oldest beyond
	 * {@link #MAX_PENDING} minus one. Attributes of other names are left alone.
	 * @param attributes session attributes by name: all of them, or only the pending
	 * sign-ins
	 * @param now the time, in milliseconds since the epoch
	 * @return the names of the attributes to remove
	 */
	public static List<String> toRemoveBeforeStart(Map<String, ?> attributes, long now) {
		List<String> remove = new ArrayList<>();
		List<Map.Entry<String, OAuth2AuthorizationRequest>> kept = new ArrayList<>();
		attributes.forEach((name, value) -> {
			if (!isAttributeName(name)) {
				return;
			}
			OAuth2AuthorizationRequest request = pending(value, now);
			if (request != null) {
				kept.add(Map.entry(name, request));
			}
			else {
				remove.add(name);
			}
		});
		kept.sort(Comparator.comparingLong((entry) -> startedAt(entry.getValue())));
		for (int i = 0; i < kept.size() - (MAX_PENDING - 1); i++) {
			remove.add(kept.get(i).getKey());
		}
		return remove;
	}

	private static long startedAt(OAuth2AuthorizationRequest request) {
		return (request.getAttribute(STARTED_AT) instanceof Long startedAt) ? startedAt : Long.MIN_VALUE;
	}

}
