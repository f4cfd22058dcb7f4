package io.hitkey.spring.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import io.hitkey.spring.HitKeyJacksonModule;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SealedAuthorizedClients}.
 */
class SealedAuthorizedClientsTests {

	static final String SECRET = "the-client-secret-0123456789";

	static final String ACCESS_TOKEN = "hk_at_5c0b7e2a9d";

	static final String REFRESH_TOKEN = "hk_rt_81f4c3d0aa";

	private final ClientRegistration registration = registration("hitkey", SECRET);

	@Test
	void opensWhatItSealedWithTheGivenRegistration() {
		Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(this.registration, "3f6c1a8e-sub",
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, ACCESS_TOKEN, issuedAt,
						issuedAt.plusSeconds(3600), Set.of("openid", "profile")),
				new OAuth2RefreshToken(REFRESH_TOKEN, issuedAt));
		ClientRegistration current = ClientRegistration.withClientRegistration(this.registration)
			.scope("openid", "email")
			.build();

		OAuth2AuthorizedClient opened = SealedAuthorizedClients.open(SealedAuthorizedClients.seal(client), current);

		assertThat(opened).isNotNull();
		assertThat(opened.getClientRegistration()).isSameAs(current);
		assertThat(opened.getPrincipalName()).isEqualTo("3f6c1a8e-sub");
		OAuth2AccessToken accessToken = opened.getAccessToken();
		assertThat(accessToken.getTokenValue()).isEqualTo(ACCESS_TOKEN);
		assertThat(accessToken.getTokenType()).isEqualTo(OAuth2AccessToken.TokenType.BEARER);
		assertThat(accessToken.getIssuedAt()).isEqualTo(issuedAt);
		assertThat(accessToken.getExpiresAt()).isEqualTo(issuedAt.plusSeconds(3600));
		assertThat(accessToken.getScopes()).containsExactlyInAnyOrder("openid", "profile");
		assertThat(opened.getRefreshToken().getTokenValue()).isEqualTo(REFRESH_TOKEN);
		assertThat(opened.getRefreshToken().getIssuedAt()).isEqualTo(issuedAt);
		assertThat(opened.getRefreshToken().getExpiresAt()).isNull();
	}

	@Test
	void aClientWithoutRefreshTokenOrTimesOpensAsSealed() {
		OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(this.registration, "ada",
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, ACCESS_TOKEN, null, null));

		OAuth2AuthorizedClient opened = SealedAuthorizedClients.open(SealedAuthorizedClients.seal(client),
				this.registration);

		assertThat(opened.getAccessToken().getIssuedAt()).isNull();
		assertThat(opened.getAccessToken().getExpiresAt()).isNull();
		assertThat(opened.getAccessToken().getScopes()).isEmpty();
		assertThat(opened.getRefreshToken()).isNull();
	}

	@Test
	void theSealedFormHoldsNeitherTokensNorSecretInAnySerializerAndIsSmall() throws IOException {
		String sealed = SealedAuthorizedClients.seal(client());
		JsonMapper json = JsonMapper.builder()
			.addModules(HitKeyJacksonModule.securityModules(getClass().getClassLoader()))
			.build();

		for (String stored : new String[] { sealed, new String(jdkSerialized(sealed), StandardCharsets.ISO_8859_1),
				json.writeValueAsString(sealed) }) {
			assertThat(stored).doesNotContain(ACCESS_TOKEN, REFRESH_TOKEN, SECRET, "3f6c1a8e-sub");
		}
		assertThat(jdkSerialized(sealed).length).isLessThan(300);
	}

	@Test
	void nothingOpensWithAnotherSecretAnotherRegistrationOrAChangedValue() {
		String sealed = SealedAuthorizedClients.seal(client());
		// A character in the middle: the last one may hold bits that Base64 decoding ignores.
		int middle = sealed.length() / 2;
		String changed = sealed.substring(0, middle) + ((sealed.charAt(middle) == 'A') ? 'B' : 'A')
				+ sealed.substring(middle + 1);

		assertThat(SealedAuthorizedClients.open(sealed, registration("hitkey", "a-new-secret"))).isNull();
		assertThat(SealedAuthorizedClients.open(sealed, registration("other", SECRET))).isNull();
		assertThat(SealedAuthorizedClients.open(changed, this.registration)).isNull();
		assertThat(SealedAuthorizedClients.open(sealed, null)).isNull();
	}

	@Test
	void anythingElseInTheAttributeIsNoClient() {
		for (Object attribute : new Object[] { null, "", "hk1.", "hk1.!!", "hk1.AAAA", "hk2.AAAAAAAAAAAAAAAAAAAAAAAAAAAA",
				client(), 42L }) {
			assertThat(SealedAuthorizedClients.open(attribute, this.registration)).as(String.valueOf(attribute))
				.isNull();
		}
	}

	private OAuth2AuthorizedClient client() {
		return authorizedClient(this.registration, "3f6c1a8e-sub");
	}

	static OAuth2AuthorizedClient authorizedClient(ClientRegistration registration, String principalName) {
		Instant now = Instant.now();
		return new OAuth2AuthorizedClient(registration, principalName,
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, ACCESS_TOKEN, now, now.plusSeconds(3600)),
				new OAuth2RefreshToken(REFRESH_TOKEN, now));
	}

	static ClientRegistration registration(String registrationId, String secret) {
		return ClientRegistration.withRegistrationId(registrationId)
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

	static byte[] jdkSerialized(Object value) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		return bytes.toByteArray();
	}

}
