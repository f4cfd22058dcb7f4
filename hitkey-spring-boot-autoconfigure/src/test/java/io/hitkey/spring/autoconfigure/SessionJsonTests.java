package io.hitkey.spring.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.hitkey.spring.HitKeyAuthoritiesMapper;
import io.hitkey.spring.HitKeyUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SessionJson}: what a signed-in session holds round-trips, and what
 * cannot be read is dropped.
 */
@ExtendWith(OutputCaptureExtension.class)
class SessionJsonTests {

	private final SessionJson json = new SessionJson(getClass().getClassLoader(), List.of());

	@Test
	void theSecurityContextOfAHitKeyUserRoundTrips() {
		HitKeyUser user = user();
		SecurityContext context = new SecurityContextImpl(
				new OAuth2AuthenticationToken(user, user.getAuthorities(), "hitkey"));

		SecurityContext copy = (SecurityContext) roundTrip(context);

		assertThat(copy.getAuthentication().getName()).isEqualTo(user.getName());
		assertThat(copy.getAuthentication().getPrincipal()).isEqualTo(user);
		assertThat(Set.copyOf(copy.getAuthentication().getAuthorities())).isEqualTo(Set.copyOf(user.getAuthorities()));
	}

	@Test
	void aPendingSignInStampedWithItsStartRoundTripsAndStaysPending() {
		long now = System.currentTimeMillis();
		OAuth2AuthorizationRequest started = HitKeyPendingSignIns.started(OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri("https://hitkey.io/")
			.clientId("client")
			.redirectUri("http://localhost/login/oauth2/code/hitkey")
			.state("tab-1")
			.build(), now);

		Object copy = roundTrip(started);

		assertThat(HitKeyPendingSignIns.pending(copy, now)).extracting(OAuth2AuthorizationRequest::getState)
			.isEqualTo("tab-1");
	}

	@Test
	void theSealedAuthorizedClientTheCsrfTokenAndSpringSessionsBookkeepingRoundTrip() {
		Instant now = Instant.now();
		String sealed = SealedAuthorizedClients.seal(new OAuth2AuthorizedClient(
				SealedAuthorizedClientsTests.registration("hitkey", SealedAuthorizedClientsTests.SECRET), "ada",
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "at", now, now.plusSeconds(60))));

		assertThat(roundTrip(sealed)).isEqualTo(sealed);
		assertThat(roundTrip(1_764_000_000_000L)).isEqualTo(1_764_000_000_000L);
		assertThat(roundTrip(1800)).isEqualTo(1800);
		assertThat(roundTrip(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "t"))).isInstanceOf(DefaultCsrfToken.class);
	}

	@Test
	void theSignInFailureShownOnTheFailurePageRoundTrips() {
		OAuth2AuthenticationException failure = new OAuth2AuthenticationException(
				new OAuth2Error("invalid_grant", "The code has expired", null));

		Object copy = roundTrip(failure);

		assertThat(copy).isInstanceOfSatisfying(OAuth2AuthenticationException.class, (exception) -> {
			assertThat(exception.getError().getErrorCode()).isEqualTo("invalid_grant");
			assertThat(exception.getError().getDescription()).isEqualTo("The code has expired");
		});
	}

	@Test
	void valuesThatCannotBeReadAreDroppedAndOnlyTheFirstIsLoggedAtWarn(CapturedOutput output) throws IOException {
		byte[] jdk = jdkSerialized(new LinkedHashMap<>(Map.of("token", "secret-token-value")));

		assertThat(this.json.read(jdk)).isNull();
		assertThat(this.json.read("{\"@class\":\"java.lang.ProcessBuilder\"}".getBytes())).isNull();
		assertThat(this.json.read("not json".getBytes())).isNull();
		assertThat(this.json.read(new byte[0])).isNull();
		assertThat(this.json.read(null)).isNull();

		assertThat(output).containsOnlyOnce("could not be read as JSON").doesNotContain("secret-token-value");
	}

	@Test
	void aValueOfATypeNoModuleAllowsFailsWithTheWayOut() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.json.write(new Thread()))
			.withMessageContaining("java.lang.Thread")
			.withMessageContaining("SecurityJacksonModule")
			.withMessageContaining("hitkey.session.serialization=jdk");
	}

	private Object roundTrip(Object value) {
		return this.json.read(this.json.write(value));
	}

	private static HitKeyUser user() {
		Map<String, Object> project = new LinkedHashMap<>();
		project.put("project_id", "0b6e1a52-3c8e-4e55-9a4e-6f4f8c1d2e3f");
		project.put("role", "admin");
		project.put("permissions", List.of("can_deploy"));
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", "6f9619ff-8b86-4d01-b42d-00c04fc964ff");
		claims.put("name", "Ada Lovelace");
		claims.put("email", "ada@example.com");
		claims.put("project", project);
		return HitKeyUser.fromClaims(claims, List.of("openid", "profile", "project:read"),
				HitKeyAuthoritiesMapper.standard());
	}

	private static byte[] jdkSerialized(Object value) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		return bytes.toByteArray();
	}

}
