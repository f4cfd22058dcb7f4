package io.hitkey.spring.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.ObservationRegistry;
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
 * <p>
 * Each request that gets another's refresh, rather than making its own, is observed as
 * shared (see {@link HitKeyObservations}).
 *
 * @author HitKey
 */
final class CoalescingReactiveOAuth2AuthorizedClientProvider implements ReactiveOAuth2AuthorizedClientProvider {

	private final ReactiveOAuth2AuthorizedClientProvider delegate;

	private final Map<String, Mono<OAuth2AuthorizedClient>> inFlight = new ConcurrentHashMap<>();

	private final RecentRefreshes recent;

	private final Duration maxWait;

	private final ObservationRegistry registry;

	CoalescingReactiveOAuth2AuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProvider delegate,
			Duration keepRefreshed, Duration maxWait) {
		this(delegate, keepRefreshed, maxWait, ObservationRegistry.NOOP);
	}

	/**
	 * Create a new instance.
	 * @param delegate the provider that refreshes
	 * @param keepRefreshed how long a refresh is kept for late requests: one HitKey call
	 * @param maxWait the longest a shared refresh may take
	 * @param registry where shared refreshes are observed
	 */
	CoalescingReactiveOAuth2AuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProvider delegate,
			Duration keepRefreshed, Duration maxWait, ObservationRegistry registry) {
		this.delegate = delegate;
		this.recent = new RecentRefreshes(keepRefreshed);
		this.maxWait = maxWait;
		this.registry = registry;
	}

	@Override
	public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizationContext context) {
		OAuth2AuthorizedClient current = context.getAuthorizedClient();
		if (current == null) {
			return this.delegate.authorize(context);
		}
		String key = RecentRefreshes.key(context, current);
		String registrationId = context.getClientRegistration().getRegistrationId();
		return Mono.defer(() -> {
			OAuth2AuthorizedClient refreshed = this.recent.get(key);
			if (refreshed != null) {
				HitKeyObservations.sharedRefresh(this.registry, registrationId, null);
				return Mono.just(refreshed);
			}
			AtomicBoolean mine = new AtomicBoolean();
			Mono<OAuth2AuthorizedClient> running = this.inFlight.computeIfAbsent(key, (ignored) -> {
				mine.set(true);
				return shared(key, context, current);
			});
			if (mine.get()) {
				return running;
			}
			return running.doOnNext((authorized) -> {
				if (authorized != current) {
					HitKeyObservations.sharedRefresh(this.registry, registrationId, null);
				}
			}).doOnError((ex) -> HitKeyObservations.sharedRefresh(this.registry, registrationId, ex));
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
