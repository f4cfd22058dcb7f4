package io.hitkey.spring.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.mock.web.server.MockWebSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.server.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WebSessionAuthorizedClientRepository}.
 */
class WebSessionAuthorizedClientRepositoryTests {

	private final MockWebSession session = new MockWebSession();

	private final Authentication user = new TestingAuthenticationToken("ada", null);

	@Test
	void keepsTheTokensWithoutTheClientSecretAndLoadsThemWithTheCurrentRegistration() throws IOException {
		ClientRegistration registration = registration("the-client-secret");
		Instant now = Instant.now();
		OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(registration, "ada",
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "at-1", now, now.plusSeconds(3600)));
		repository(registration).saveAuthorizedClient(client, this.user, exchange()).block();

		assertThat(jdkSerialized(this.session.getAttributes())).contains("at-1").doesNotContain("the-client-secret");
		ClientRegistration rotated = registration("a-new-secret");
		OAuth2AuthorizedClient loaded = repository(rotated)
			.<OAuth2AuthorizedClient>loadAuthorizedClient("hitkey", this.user, exchange())
			.block();
		assertThat(loaded).isNotNull();
		assertThat(loaded.getClientRegistration()).isSameAs(rotated);
		assertThat(loaded.getAccessToken().getTokenValue()).isEqualTo("at-1");
	}

	@Test
	void aClientWhoseRegistrationIsGoneIsNotLoaded() {
		ClientRegistration registration = registration("secret");
		Instant now = Instant.now();
		repository(registration)
			.saveAuthorizedClient(new OAuth2AuthorizedClient(registration, "ada",
					new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "at-1", now, now.plusSeconds(60))),
					this.user, exchange())
			.block();
		ClientRegistration other = ClientRegistration.withClientRegistration(registration)
			.registrationId("other")
			.build();

		assertThat(repository(other).loadAuthorizedClient("hitkey", this.user, exchange()).blockOptional()).isEmpty();
	}

	private static String jdkSerialized(Map<String, Object> attributes) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(new HashMap<>(attributes));
		}
		return bytes.toString(StandardCharsets.ISO_8859_1);
	}

	private MockServerWebExchange exchange() {
		return MockServerWebExchange.builder(MockServerHttpRequest.get("/")).session((WebSession) this.session).build();
	}

	private static WebSessionAuthorizedClientRepository repository(ClientRegistration registration) {
		return new WebSessionAuthorizedClientRepository(new InMemoryReactiveClientRegistrationRepository(registration));
	}

	private static ClientRegistration registration(String secret) {
		return ClientRegistration.withRegistrationId("hitkey")
			.clientId("client")
			.clientSecret(secret)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri("https://hitkey.io/")
			.tokenUri("https://api.hitkey.io/oauth/token")
			.build();
	}

}
