package io.hitkey.spring.test;

import io.hitkey.spring.HitKeyClientRegistrations;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * A {@link WebTestClientConfigurer} that signs a HitKey user in, built with
 * {@link HitKeyWebTestClientConfigurers#mockHitKeyLogin()}. Pass the application context
 * with {@link #beans(ListableBeanFactory)} so that the application's scopes and
 * authorities mapping are used, as in a real sign-in.
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class HitKeyLoginMutator extends AbstractHitKeyLogin<HitKeyLoginMutator>
		implements WebTestClientConfigurer {

	private @Nullable ListableBeanFactory beans;

	HitKeyLoginMutator() {
	}

	/**
	 * Use the application's scopes, authorities mapping and client registration.
	 * @param beans the application context
	 * @return this configurer
	 */
	public HitKeyLoginMutator beans(ListableBeanFactory beans) {
		this.beans = beans;
		return this;
	}

	@Override
	public void afterConfigurerAdded(WebTestClient.Builder builder,
			@Nullable WebHttpHandlerBuilder httpHandlerBuilder, @Nullable ClientHttpConnector connector) {
		ClientRegistration registration = registration();
		if (this.beans != null) {
			login().requestedScopes(registration.getScopes());
		}
		SecurityMockServerConfigurers.mockAuthentication(login().authentication(this.beans, false))
			.afterConfigurerAdded(builder, httpHandlerBuilder, connector);
		SecurityMockServerConfigurers.mockOAuth2Client(HitKeyClientRegistrations.REGISTRATION_ID)
			.clientRegistration(registration)
			.principalName(login().principalName())
			.accessToken(login().accessToken(this.beans))
			.afterConfigurerAdded(builder, httpHandlerBuilder, connector);
	}

	private ClientRegistration registration() {
		ReactiveClientRegistrationRepository repository = (this.beans != null)
				? this.beans.getBeanProvider(ReactiveClientRegistrationRepository.class).getIfAvailable() : null;
		ClientRegistration registration = (repository != null)
				? repository.findByRegistrationId(HitKeyClientRegistrations.REGISTRATION_ID).block() : null;
		if (registration != null) {
			return registration;
		}
		return fallbackRegistration();
	}

}
