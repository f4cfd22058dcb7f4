package io.hitkey.spring.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * Shares one refresh among the concurrent requests that hold the same expired access
 * token of a user: the first asks HitKey, the others wait for its answer and get the
 * same new token, or the same failure (an {@link Error} included), without calling HitKey
 * themselves. The refresh is one HitKey call, bounded by
 * {@link io.hitkey.spring.autoconfigure.HitKeyApiCalls#maxDuration}; the others wait for
 * it {@link io.hitkey.spring.autoconfigure.HitKeyApiCalls#maxWait}, a little longer, so
 * that a refresh that succeeds in time costs none of them a 503. A request that read the
 * expired token before the new one was saved, but asks only once the refresh is over,
 * gets the new token too, for as long as a request may wait. Each request that gets
 * another's refresh, rather than making its own, is observed as shared (see
 * {@link HitKeyObservations}).
 *
 * @author HitKey
 */
final class CoalescingOAuth2AuthorizedClientProvider implements OAuth2AuthorizedClientProvider {

	private final OAuth2AuthorizedClientProvider delegate;

	private final Duration maxWait;

	private final Map<String, CompletableFuture<Optional<OAuth2AuthorizedClient>>> inFlight = new ConcurrentHashMap<>();

	private final RecentRefreshes recent;

	private final ObservationRegistry registry;

	CoalescingOAuth2AuthorizedClientProvider(OAuth2AuthorizedClientProvider delegate, Duration maxWait) {
		this(delegate, maxWait, ObservationRegistry.NOOP);
	}

	/**
	 * Create an instance whose waiting requests give up after the given time, which must
	 * be longer than the refresh itself may take.
	 */
	CoalescingOAuth2AuthorizedClientProvider(OAuth2AuthorizedClientProvider delegate, Duration maxWait,
			ObservationRegistry registry) {
		this.delegate = delegate;
		this.maxWait = maxWait;
		this.recent = new RecentRefreshes(maxWait);
		this.registry = registry;
	}

	@Override
	public @Nullable OAuth2AuthorizedClient authorize(OAuth2AuthorizationContext context) {
		OAuth2AuthorizedClient current = context.getAuthorizedClient();
		if (current == null) {
			return this.delegate.authorize(context);
		}
		String key = RecentRefreshes.key(context, current);
		OAuth2AuthorizedClient refreshed = this.recent.get(key);
		if (refreshed != null) {
			shared(context, null);
			return refreshed;
		}
		return refreshOrAwait(context, key, current);
	}

	/**
	 * Refresh, or wait for the refresh another request runs, for a request that found no
	 * recent refresh of its token.
	 */
	@Nullable OAuth2AuthorizedClient refreshOrAwait(OAuth2AuthorizationContext context, String key,
			OAuth2AuthorizedClient current) {
		CompletableFuture<Optional<OAuth2AuthorizedClient>> mine = new CompletableFuture<>();
		CompletableFuture<Optional<OAuth2AuthorizedClient>> running = this.inFlight.putIfAbsent(key, mine);
		if (running != null) {
			return awaitOther(running, context, current);
		}
		try {
			// A refresh that ended after this request looked for one, but before it got
			// here, is remembered already: it must not be asked for twice.
			OAuth2AuthorizedClient authorized = this.recent.get(key);
			if (authorized == null) {
				authorized = this.delegate.authorize(context);
				this.recent.remember(key, current, authorized);
			}
			else {
				shared(context, null);
			}
			// Out of the map before the waiters wake: a request that comes after has the
			// new token, or asks HitKey again after a failure.
			this.inFlight.remove(key, mine);
			mine.complete(Optional.ofNullable(authorized));
			return authorized;
		}
		catch (Throwable ex) {
			this.inFlight.remove(key, mine);
			mine.completeExceptionally(ex);
			throw ex;
		}
	}

	private @Nullable OAuth2AuthorizedClient awaitOther(CompletableFuture<Optional<OAuth2AuthorizedClient>> running,
			OAuth2AuthorizationContext context, OAuth2AuthorizedClient current) {
		try {
			OAuth2AuthorizedClient authorized = awaitOther(running, context.getClientRegistration().getRegistrationId());
			if (authorized != null && authorized != current) {
				shared(context, null);
			}
			return authorized;
		}
		catch (RuntimeException ex) {
			shared(context, ex);
			throw ex;
		}
	}

	private @Nullable OAuth2AuthorizedClient awaitOther(CompletableFuture<Optional<OAuth2AuthorizedClient>> running,
			String registrationId) {
		try {
			return running.get(this.maxWait.toMillis(), TimeUnit.MILLISECONDS).orElse(null);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw unavailable(registrationId);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable(registrationId);
		}
	}

	private void shared(OAuth2AuthorizationContext context, @Nullable Throwable failure) {
		HitKeyObservations.sharedRefresh(this.registry, context.getClientRegistration().getRegistrationId(), failure);
	}

	private static ClientAuthorizationException unavailable(String registrationId) {
		return new ClientAuthorizationException(new OAuth2Error(OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE,
				"Another request is still waiting for HitKey to refresh this token", null), registrationId);
	}

}
