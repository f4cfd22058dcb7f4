package io.hitkey.spring.autoconfigure.reactive;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;

/**
 * Shares one refresh among the concurrent requests that hold the same expired access
 * token of a user, as the servlet side does: the first subscribes to the refresh, the
 * others get its new token, or its failure, without calling HitKey themselves. A request
 * that read the expired token before the new one was saved, but asks only once the
 * refresh is over, gets the new token too, for as long as a HitKey call may take.
 *
 * @author HitKey
 */
final class CoalescingReactiveOAuth2AuthorizedClientProvider implements ReactiveOAuth2AuthorizedClientProvider {

	private final ReactiveOAuth2AuthorizedClientProvider delegate;

	private final Duration keepRefreshed;

	private final Map<String, Mono<OAuth2AuthorizedClient>> inFlight = new ConcurrentHashMap<>();

	private final Map<String, Refreshed> refreshed = new ConcurrentHashMap<>();

	CoalescingReactiveOAuth2AuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProvider delegate,
			Duration keepRefreshed) {
		this.delegate = delegate;
		this.keepRefreshed = keepRefreshed;
	}

	@Override
	public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizationContext context) {
		OAuth2AuthorizedClient current = context.getAuthorizedClient();
		if (current == null) {
			return this.delegate.authorize(context);
		}
		String key = context.getClientRegistration().getRegistrationId() + "/" + context.getPrincipal().getName()
				+ "/" + current.getAccessToken().getTokenValue();
		return Mono.defer(() -> {
			Refreshed done = this.refreshed.get(key);
			if (done != null && done.isFresh(System.nanoTime())) {
				return Mono.just(done.client());
			}
			return this.inFlight.computeIfAbsent(key, (ignored) -> shared(key, context, current));
		});
	}

	private Mono<OAuth2AuthorizedClient> shared(String key, OAuth2AuthorizationContext context,
			OAuth2AuthorizedClient current) {
		AtomicReference<Mono<OAuth2AuthorizedClient>> self = new AtomicReference<>();
		Mono<OAuth2AuthorizedClient> shared = this.delegate.authorize(context).doOnNext((authorized) -> {
			if (authorized != current) {
				long now = System.nanoTime();
				this.refreshed.values().removeIf((old) -> !old.isFresh(now));
				this.refreshed.put(key, new Refreshed(authorized, now + this.keepRefreshed.toNanos()));
			}
		}).doOnTerminate(() -> this.inFlight.remove(key, self.get())).cache();
		self.set(shared);
		return shared;
	}

	/**
	 * A refresh that is over, kept for the requests that still hold the expired token.
	 */
	private record Refreshed(OAuth2AuthorizedClient client, long freshUntil) {

		boolean isFresh(long now) {
			return now - this.freshUntil < 0;
		}

	}

}
