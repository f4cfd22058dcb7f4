package io.hitkey.spring.autoconfigure;

import io.hitkey.spring.HitKeyClientRegistrations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * Observes each refresh of HitKey's access token as {@code hitkey.refresh} (see
 * {@link HitKeyObservations}), in scope while HitKey is called, so that the HTTP
 * client's observation of the call is its child. Other registrations' refreshes are not
 * observed.
 *
 * @author HitKey
 */
final class ObservedRefreshTokenResponseClient implements OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> {

	private final OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> delegate;

	private final ObservationRegistry registry;

	ObservedRefreshTokenResponseClient(OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> delegate,
			ObservationRegistry registry) {
		this.delegate = delegate;
		this.registry = registry;
	}

	@Override
	public OAuth2AccessTokenResponse getTokenResponse(OAuth2RefreshTokenGrantRequest grantRequest) {
		if (!HitKeyClientRegistrations.REGISTRATION_ID.equals(grantRequest.getClientRegistration().getRegistrationId())) {
			return this.delegate.getTokenResponse(grantRequest);
		}
		Observation observation = HitKeyObservations.startRefresh(this.registry,
				this.registry.getCurrentObservation());
		try (Observation.Scope scope = observation.openScope()) {
			OAuth2AccessTokenResponse response = this.delegate.getTokenResponse(grantRequest);
			HitKeyObservations.endRefresh(observation, null);
			return response;
		}
		catch (RuntimeException | Error ex) {
			HitKeyObservations.endRefresh(observation, ex);
			throw ex;
		}
	}

}
