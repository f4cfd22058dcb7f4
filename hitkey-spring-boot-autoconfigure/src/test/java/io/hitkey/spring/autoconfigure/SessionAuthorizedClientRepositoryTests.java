package io.hitkey.spring.autoconfigure;

import java.util.Collections;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SessionAuthorizedClientRepository}.
 */
class SessionAuthorizedClientRepositoryTests {

	private final ClientRegistration registration = SealedAuthorizedClientsTests.registration("hitkey",
			SealedAuthorizedClientsTests.SECRET);

	private final MockHttpSession session = new MockHttpSession();

	private final Authentication user = new TestingAuthenticationToken("ada", null);

	@Test
	void keepsTheClientSealedInOneAttributeAndLoadsItWithTheCurrentRegistration() {
		SessionAuthorizedClientRepository repository = repository(this.registration);

		repository.saveAuthorizedClient(authorizedClient(), this.user, request(), new MockHttpServletResponse());

		assertThat(Collections.list(this.session.getAttributeNames()))
			.containsExactly(SealedAuthorizedClients.attributeName("hitkey"));
		assertThat(this.session.getAttribute(SealedAuthorizedClients.attributeName("hitkey"))).isInstanceOf(String.class);
		OAuth2AuthorizedClient loaded = repository.loadAuthorizedClient("hitkey", this.user, request());
		assertThat(loaded.getClientRegistration()).isSameAs(this.registration);
		assertThat(loaded.getAccessToken().getTokenValue()).isEqualTo(SealedAuthorizedClientsTests.ACCESS_TOKEN);
	}

	@Test
	void aClientWhoseRegistrationIsGoneIsNotLoaded() {
		repository(this.registration).saveAuthorizedClient(authorizedClient(), this.user, request(),
				new MockHttpServletResponse());
		ClientRegistration other = SealedAuthorizedClientsTests.registration("other", SealedAuthorizedClientsTests.SECRET);

		assertThat(repository(other).<OAuth2AuthorizedClient>loadAuthorizedClient("hitkey", this.user, request()))
			.isNull();
	}

	@Test
	void removedClientsLeaveTheSession() {
		SessionAuthorizedClientRepository repository = repository(this.registration);
		repository.saveAuthorizedClient(authorizedClient(), this.user, request(), new MockHttpServletResponse());

		repository.removeAuthorizedClient("hitkey", this.user, request(), new MockHttpServletResponse());

		assertThat(repository.<OAuth2AuthorizedClient>loadAuthorizedClient("hitkey", this.user, request())).isNull();
		assertThat(Collections.list(this.session.getAttributeNames())).isEmpty();
	}

	@Test
	void aClientKeptByEarlierVersionsIsReadAndLeavesTheSessionAtTheNextSave() {
		new HttpSessionOAuth2AuthorizedClientRepository().saveAuthorizedClient(authorizedClient(), this.user,
				request(), new MockHttpServletResponse());
		SessionAuthorizedClientRepository repository = repository(this.registration);

		OAuth2AuthorizedClient former = repository.loadAuthorizedClient("hitkey", this.user, request());
		assertThat(former.getAccessToken().getTokenValue()).isEqualTo(SealedAuthorizedClientsTests.ACCESS_TOKEN);
		repository.saveAuthorizedClient(former, this.user, request(), new MockHttpServletResponse());

		assertThat(Collections.list(this.session.getAttributeNames()))
			.containsExactly(SealedAuthorizedClients.attributeName("hitkey"));
	}

	private MockHttpServletRequest request() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(this.session);
		return request;
	}

	private OAuth2AuthorizedClient authorizedClient() {
		return SealedAuthorizedClientsTests.authorizedClient(this.registration, "ada");
	}

	private static SessionAuthorizedClientRepository repository(ClientRegistration registration) {
		return new SessionAuthorizedClientRepository(new InMemoryClientRegistrationRepository(registration));
	}

}
