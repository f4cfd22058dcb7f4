package io.hitkey.spring.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;

/**
 * The refreshes that are just over, by the expired access token they replaced, for the
 * servlet and reactive providers that share one refresh among concurrent requests. A
 * request that read the expired token before the new one was saved, but asks only once
 * the refresh is over, gets the new token too, for as long as a HitKey call may take.
 *
 * @author HitKey
 */
final class RecentRefreshes {

	private final long keepNanos;

	private final Map<String, Refreshed> refreshes = new ConcurrentHashMap<>();

	/**
	 * Create an instance that keeps each refresh for the given time.
	 * @param keep how long a refresh is kept: one HitKey call
	 */
	RecentRefreshes(Duration keep) {
		this.keepNanos = keep.toNanos();
	}

	/**
	 * Return the key of the given authorization: its registration, user and access token.
	 * @param context the authorization
	 * @param current the authorized client it holds
	 * @return the key
	 */
	static String key(OAuth2AuthorizationContext context, OAuth2AuthorizedClient current) {
		return context.getClientRegistration().getRegistrationId() + "/" + context.getPrincipal().getName() + "/"
				+ current.getAccessToken().getTokenValue();
	}

	/**
	 * Return the client a refresh of the given key gave a moment ago, if any.
	 * @param key the key of the expired authorization
	 * @return the refreshed client, or {@code null}
	 */
	@Nullable OAuth2AuthorizedClient get(String key) {
		Refreshed refreshed = this.refreshes.get(key);
		return (refreshed != null && refreshed.isFresh(System.nanoTime())) ? refreshed.client() : null;
	}

	/**
	 * Remember the outcome of an authorization, when it replaced the client.
	 * @param key the key of the authorization
	 * @param current the client the authorization held
	 * @param authorized the client it gave, or {@code null} when none was needed
	 */
	void remember(String key, OAuth2AuthorizedClient current, @Nullable OAuth2AuthorizedClient authorized) {
		if (authorized == null || authorized == current) {
			return;
		}
		long now = System.nanoTime();
		this.refreshes.values().removeIf((old) -> !old.isFresh(now));
		this.refreshes.put(key, new Refreshed(authorized, now + this.keepNanos));
	}

	private record Refreshed(OAuth2AuthorizedClient client, long freshUntil) {

		boolean isFresh(long now) {
			return now - this.freshUntil < 0;
		}

	}

}
