package io.hitkey.spring.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;

import io.hitkey.spring.HitKeyJacksonModule;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SessionAuthorizedClientRepository}.
 */
class SessionAuthorizedClientRepositoryTests {

	private static final String SECRET = "the-client-secret-0123456789";

	private final ClientRegistration registration = registration(SECRET);

	private final MockHttpSession session = new MockHttpSession();

	private final Authentication user = new TestingAuthenticationToken("ada", null);

	@Test
	void theSessionHoldsTheTokensButNotTheClientSecret() throws IOException {
		SessionAuthorizedClientRepository repository = repository(this.registration);

		repository.saveAuthorizedClient(authorizedClient(), this.user, request(), new MockHttpServletResponse());

		Object stored = sessionAttribute();
		assertThat(new String(jdkSerialized(stored), StandardCharsets.ISO_8859_1)).contains("at-1")
			.doesNotContain(SECRET);
		JsonMapper json = JsonMapper.builder()
			.addModules(HitKeyJacksonModule.securityModules(getClass().getClassLoader()))
			.build();
		assertThat(json.writeValueAsString(stored)).contains("at-1").doesNotContain(SECRET);
	}

	@Test
	void loadedClientsCarryTheCurrentRegistration() {
		repository(this.registration).saveAuthorizedClient(authorizedClient(), this.user, request(),
				new MockHttpServletResponse());
		ClientRegistration rotated = registration("a-new-secret");

		OAuth2AuthorizedClient loaded = repository(rotated).loadAuthorizedClient("hitkey", this.user, request());

		assertThat(loaded).isNotNull();
		assertThat(loaded.getClientRegistration()).isSameAs(rotated);
		assertThat(loaded.getPrincipalName()).isEqualTo("ada");
		assertThat(loaded.getAccessToken().getTokenValue()).isEqualTo("at-1");
		assertThat(loaded.getRefreshToken().getTokenValue()).isEqualTo("rt-1");
	}

	@Test
	void aClientWhoseRegistrationIsGoneIsNotLoaded() {
		repository(this.registration).saveAuthorizedClient(authorizedClient(), this.user, request(),
				new MockHttpServletResponse());
		ClientRegistration other = ClientRegistration.withClientRegistration(this.registration)
			.registrationId("other")
			.build();

		assertThat(repository(other).<OAuth2AuthorizedClient>loadAuthorizedClient("hitkey", this.user, request()))
			.isNull();
	}

	@Test
	void removedClientsLeaveTheSession() {
		SessionAuthorizedClientRepository repository = repository(this.registration);
		repository.saveAuthorizedClient(authorizedClient(), this.user, request(), new MockHttpServletResponse());

		repository.removeAuthorizedClient("hitkey", this.user, request(), new MockHttpServletResponse());

		assertThat(repository.<OAuth2AuthorizedClient>loadAuthorizedClient("hitkey", this.user, request())).isNull();
	}

	private Object sessionAttribute() {
		return Collections.list(this.session.getAttributeNames())
			.stream()
			.map(this.session::getAttribute)
			.findFirst()
			.orElseThrow();
	}

	private MockHttpServletRequest request() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(this.session);
		return request;
	}

	private OAuth2AuthorizedClient authorizedClient() {
		Instant now = Instant.now();
		return new OAuth2AuthorizedClient(this.registration, "ada",
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "at-1", now, now.plusSeconds(3600)),
				new OAuth2RefreshToken("rt-1", now));
	}

	private static SessionAuthorizedClientRepository repository(ClientRegistration registration) {
		return new SessionAuthorizedClientRepository(new InMemoryClientRegistrationRepository(registration));
	}

	private static ClientRegistration registration(String secret) {
		return ClientRegistration.withRegistrationId("hitkey")
			.clientId("client")
			.clientSecret(secret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri("https://hitkey.io/")
			.tokenUri("https://api.hitkey.io/oauth/token")
			.userInfoUri("https://api.hitkey.io/oauth/userinfo")
			.userNameAttributeName("sub")
			.build();
	}

	private static byte[] jdkSerialized(Object value) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		return bytes.toByteArray();
	}

}
