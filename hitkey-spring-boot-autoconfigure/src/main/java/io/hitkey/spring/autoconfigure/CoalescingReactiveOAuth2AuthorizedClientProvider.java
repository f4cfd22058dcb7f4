package io.hitkey.spring.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Shares one refresh among the concurrent requests that hold the same expired access
 * token of a user, as the servlet side does: the first subscribes to the refresh, the
 * others get its new token, or its failure, without calling HitKey themselves. A request
 * that read the expired token before the new one was saved, but asks only once the
 * refresh is over, gets the new token too, for as long as a HitKey call may take.
 * <p>
 * The shared refresh belongs to no request: a request that goes away (its client
 * disconnected) does not cancel it for the others. It is bounded by the longest wait for
 * a HitKey call; past it, it fails as an unreachable HitKey for everyone waiting, and
 * leaves, so that the next request starts afresh.
 *
 * @author HitKey
 */
final class CoalescingReactiveOAuth2AuthorizedClientProvider implements ReactiveOAuth2AuthorizedClientProvider {

	private final ReactiveOAuth2AuthorizedClientProvider delegate;

	private final Map<String, Mono<OAuth2AuthorizedClient>> inFlight = new ConcurrentHashMap<>();

	private final RecentRefreshes recent;

	private final Duration maxWait;

	/**
	 * Create a new instance.
	 * @param delegate the provider that refreshes
	 * @param keepRefreshed how long a refresh is kept for late requests: one HitKey call
	 * @param maxWait the longest a shared refresh may take
	 */
	CoalescingReactiveOAuth2AuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProvider delegate,
			Duration keepRefreshed, Duration maxWait) {
		this.delegate = delegate;
		this.recent = new RecentRefreshes(keepRefreshed);
		this.maxWait = maxWait;
	}

	@Override
	public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizationContext context) {
		OAuth2AuthorizedClient current = context.getAuthorizedClient();
		if (current == null) {
			return this.delegate.authorize(context);
		}
		String key = RecentRefreshes.key(context, current);
		return Mono.defer(() -> {
			OAuth2AuthorizedClient refreshed = this.recent.get(key);
			if (refreshed != null) {
				return Mono.just(refreshed);
			}
			return this.inFlight.computeIfAbsent(key, (ignored) -> shared(key, context, current));
		});
	}

	private Mono<OAuth2AuthorizedClient> shared(String key, OAuth2AuthorizationContext context,
			OAuth2AuthorizedClient current) {
		AtomicReference<Mono<OAuth2AuthorizedClient>> self = new AtomicReference<>();
		// cache() subscribes once and never cancels its source when a subscriber leaves:
		// the timeout is what ends a refresh that hangs, and with it its map entry.
		Mono<OAuth2AuthorizedClient> shared = Mono.defer(() -> this.delegate.authorize(context))
			.timeout(this.maxWait, Mono.error(() -> tooSlow(context)))
			.doOnNext((authorized) -> this.recent.remember(key, current, authorized))
			.doOnTerminate(() -> this.inFlight.remove(key, self.get()))
			.cache();
		self.set(shared);
		return shared;
	}

	/**
	 * The failure of a refresh that took too long: a failure of the registration, so that
	 * HitKey's refresh-failure handling answers {@code 503} rather than an error 500.
	 */
	private static ClientAuthorizationException tooSlow(OAuth2AuthorizationContext context) {
		return new ClientAuthorizationException(
				new OAuth2Error("invalid_token_response", HitKeyErrors.UNREACHABLE, null),
				context.getClientRegistration().getRegistrationId());
	}

}
