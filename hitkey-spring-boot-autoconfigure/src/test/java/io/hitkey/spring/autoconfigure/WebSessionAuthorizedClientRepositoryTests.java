package io.hitkey.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.mock.web.server.MockWebSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.web.server.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WebSessionAuthorizedClientRepository}.
 */
class WebSessionAuthorizedClientRepositoryTests {

	private final ClientRegistration registration = SealedAuthorizedClientsTests.registration("hitkey",
			SealedAuthorizedClientsTests.SECRET);

	private final MockWebSession session = new MockWebSession();

	private final Authentication user = new TestingAuthenticationToken("ada", null);

	@Test
	void keepsTheClientSealedInOneAttributeAndLoadsItWithTheCurrentRegistration() {
		WebSessionAuthorizedClientRepository repository = repository(this.registration);

		repository.saveAuthorizedClient(authorizedClient(), this.user, exchange()).block();

		assertThat(this.session.getAttributes()).containsOnlyKeys(SealedAuthorizedClients.attributeName("hitkey"));
		assertThat(this.session.getAttributes().get(SealedAuthorizedClients.attributeName("hitkey")))
			.isInstanceOf(String.class);
		OAuth2AuthorizedClient loaded = repository
			.<OAuth2AuthorizedClient>loadAuthorizedClient("hitkey", this.user, exchange())
			.block();
		assertThat(loaded.getClientRegistration()).isSameAs(this.registration);
		assertThat(loaded.getAccessToken().getTokenValue()).isEqualTo(SealedAuthorizedClientsTests.ACCESS_TOKEN);
	}

	@Test
	void aClientWhoseRegistrationIsGoneIsNotLoaded() {
		repository(this.registration).saveAuthorizedClient(authorizedClient(), this.user, exchange()).block();
		ClientRegistration other = SealedAuthorizedClientsTests.registration("other", SealedAuthorizedClientsTests.SECRET);

		assertThat(repository(other).loadAuthorizedClient("hitkey", this.user, exchange()).blockOptional()).isEmpty();
	}

	@Test
	void removedClientsLeaveTheSession() {
		WebSessionAuthorizedClientRepository repository = repository(this.registration);
		repository.saveAuthorizedClient(authorizedClient(), this.user, exchange()).block();

		repository.removeAuthorizedClient("hitkey", this.user, exchange()).block();

		assertThat(repository.loadAuthorizedClient("hitkey", this.user, exchange()).blockOptional()).isEmpty();
		assertThat(this.session.getAttributes()).isEmpty();
	}

	@Test
	void aClientKeptByEarlierVersionsIsReadAndLeavesTheSessionAtTheNextSave() {
		new WebSessionServerOAuth2AuthorizedClientRepository().saveAuthorizedClient(authorizedClient(), this.user,
				exchange())
			.block();
		WebSessionAuthorizedClientRepository repository = repository(this.registration);

		OAuth2AuthorizedClient former = repository
			.<OAuth2AuthorizedClient>loadAuthorizedClient("hitkey", this.user, exchange())
			.block();
		assertThat(former.getAccessToken().getTokenValue()).isEqualTo(SealedAuthorizedClientsTests.ACCESS_TOKEN);
		repository.saveAuthorizedClient(former, this.user, exchange()).block();

		assertThat(this.session.getAttributes()).containsOnlyKeys(SealedAuthorizedClients.attributeName("hitkey"));
	}

	private MockServerWebExchange exchange() {
		return MockServerWebExchange.builder(MockServerHttpRequest.get("/")).session((WebSession) this.session).build();
	}

	private OAuth2AuthorizedClient authorizedClient() {
		return SealedAuthorizedClientsTests.authorizedClient(this.registration, "ada");
	}

	private static WebSessionAuthorizedClientRepository repository(ClientRegistration registration) {
		return new WebSessionAuthorizedClientRepository(new InMemoryReactiveClientRegistrationRepository(registration));
	}

}
