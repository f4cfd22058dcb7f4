package io.hitkey.spring.autoconfigure;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.hitkey.spring.HitKeyClientRegistrations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * Observes each refresh of HitKey's access token as {@code hitkey.refresh} (see
 * {@link HitKeyObservations}), the reactive counterpart of
 * {@link ObservedRefreshTokenResponseClient}: the observation is in the Reactor context
 * of the call, where {@code WebClient} finds its parent. Other registrations' refreshes
 * are not observed.
 *
 * @author HitKey
 */
final class ObservedReactiveRefreshTokenResponseClient
		implements ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> {

	private final ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> delegate;

	private final ObservationRegistry registry;

	ObservedReactiveRefreshTokenResponseClient(
			ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> delegate,
			ObservationRegistry registry) {
		this.delegate = delegate;
		this.registry = registry;
	}

	@Override
	public Mono<OAuth2AccessTokenResponse> getTokenResponse(OAuth2RefreshTokenGrantRequest grantRequest) {
		if (!HitKeyClientRegistrations.REGISTRATION_ID.equals(grantRequest.getClientRegistration().getRegistrationId())) {
			return this.delegate.getTokenResponse(grantRequest);
		}
		return Mono.deferContextual((context) -> {
			Observation observation = HitKeyObservations.startRefresh(this.registry,
					context.getOrDefault(ObservationThreadLocalAccessor.KEY, null));
			AtomicBoolean ended = new AtomicBoolean();
			return this.delegate.getTokenResponse(grantRequest)
				.doOnSuccess((response) -> end(observation, ended, null))
				.doOnError((ex) -> end(observation, ended, ex))
				// The shared refresh is cancelled when it takes too long: HitKey did not answer.
				.doOnCancel(() -> end(observation, ended, new CancellationException()))
				.contextWrite((inner) -> inner.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private static void end(Observation observation, AtomicBoolean ended, @Nullable Throwable failure) {
		if (ended.compareAndSet(false, true)) {
			HitKeyObservations.endRefresh(observation, failure);
		}
	}

}
