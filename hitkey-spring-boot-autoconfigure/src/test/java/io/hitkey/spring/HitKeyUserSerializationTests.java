package io.hitkey.spring;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Round trips of a signed-in {@link HitKeyUser} through JDK serialization and through
 * Spring Security's Jackson 3 support, as a shared session store does them.
 */
class HitKeyUserSerializationTests {

	private final HitKeyUser user = HitKeyUserTests.user(HitKeyUserTests.fullClaims(), "openid", "profile",
			"project:read");

	private final OAuth2AuthenticationToken authentication = new OAuth2AuthenticationToken(this.user,
			this.user.getAuthorities(), "hitkey");

	@Test
	void authenticationRoundTripsThroughJdkSerialization() throws Exception {
		OAuth2AuthenticationToken copy = (OAuth2AuthenticationToken) jdkRoundTrip(this.authentication);

		assertSameSignIn(copy);
	}

	@Test
	void securityContextRoundTripsThroughSpringSecurityJson() {
		JsonMapper mapper = JsonMapper.builder()
			.addModules(HitKeyJacksonModule.securityModules(getClass().getClassLoader()))
			.build();
		SecurityContext context = new SecurityContextImpl(this.authentication);

		String json = mapper.writeValueAsString(context);
		SecurityContext copy = mapper.readValue(json, SecurityContext.class);

		assertThat(json).contains("\"@class\":\"io.hitkey.spring.HitKeyUser\"").contains("山田太郎");
		assertSameSignIn((OAuth2AuthenticationToken) copy.getAuthentication());
	}

	private void assertSameSignIn(OAuth2AuthenticationToken copy) {
		assertThat(copy.getAuthorizedClientRegistrationId()).isEqualTo("hitkey");
		assertThat(Set.copyOf(copy.getAuthorities())).isEqualTo(Set.copyOf(this.authentication.getAuthorities()));
		assertThat(copy.getPrincipal()).isInstanceOfSatisfying(HitKeyUser.class, (restored) -> {
			assertThat(restored).isEqualTo(this.user);
			assertThat(restored.getAttributes()).isEqualTo(this.user.getAttributes());
			assertThat(Set.copyOf(restored.getAuthorities())).isEqualTo(Set.copyOf(this.user.getAuthorities()));
			assertThat(restored.scopes()).containsExactlyInAnyOrder("openid", "profile", "project:read");
			assertThat(restored.project()).isEqualTo(this.user.project());
			assertThat(restored.nativeScript()).isEqualTo("山田太郎");
			assertThat(restored.project().orElseThrow().permissions()).isEqualTo(List.of("can_deploy"));
		});
	}

	private static Object jdkRoundTrip(Object value) throws IOException, ClassNotFoundException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			return in.readObject();
		}
	}

}
