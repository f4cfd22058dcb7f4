package io.hitkey.spring;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

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

	@Test
	void plainAuthoritiesAreStoredAsTheirNamesAndOthersKeepTheirType() {
		JsonMapper mapper = JsonMapper.builder()
			.addModules(HitKeyJacksonModule.securityModules(getClass().getClassLoader()))
			.build();
		OAuth2UserAuthority typed = new OAuth2UserAuthority("OAUTH2_USER", Map.of("sub", this.user.getName()));
		HitKeyUser plain = HitKeyUser.fromClaims(this.user.getAttributes(), this.user.scopes(),
				List.of(new SimpleGrantedAuthority("ROLE_OWNER"), new SimpleGrantedAuthority("PERMISSION_can_deploy")));
		HitKeyUser mixed = HitKeyUser.fromClaims(this.user.getAttributes(), this.user.scopes(),
				List.of(new SimpleGrantedAuthority("ROLE_OWNER"), typed));

		String plainJson = mapper.writeValueAsString(new SecurityContextImpl(
				new OAuth2AuthenticationToken(plain, plain.getAuthorities(), "hitkey")));
		HitKeyUser mixedCopy = (HitKeyUser) mapper
			.readValue(mapper.writeValueAsString(new SecurityContextImpl(
					new OAuth2AuthenticationToken(mixed, mixed.getAuthorities(), "hitkey"))), SecurityContext.class)
			.getAuthentication()
			.getPrincipal();

		assertThat(plainJson).contains("\"authorities\":\"ROLE_OWNER PERMISSION_can_deploy\"");
		HitKeyUser plainCopy = (HitKeyUser) mapper.readValue(plainJson, SecurityContext.class)
			.getAuthentication()
			.getPrincipal();
		assertThat(plainCopy.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_OWNER", "PERMISSION_can_deploy");
		assertThat(List.<GrantedAuthority>copyOf(mixedCopy.getAuthorities())).contains(typed).hasSize(2);
		String earlierForm = plainJson.replaceFirst("\"scopes\":\"[^\"]*\"",
				"\"scopes\":[\"java.util.Collections\\$UnmodifiableSet\",[\"openid\",\"profile\"]]");
		assertThat(((HitKeyUser) mapper.readValue(earlierForm, SecurityContext.class).getAuthentication().getPrincipal())
			.scopes()).containsExactlyInAnyOrder("openid", "profile");
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
