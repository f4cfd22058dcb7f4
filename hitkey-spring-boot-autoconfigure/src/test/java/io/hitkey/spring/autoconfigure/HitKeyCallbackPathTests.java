package io.hitkey.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HitKeyCallbackPath}.
 */
class HitKeyCallbackPathTests {

	@Test
	void pathOfTheDefaultRedirectUriIsSpringSecuritysDefault() {
		String path = HitKeyCallbackPath.of(new HitKeyProperties().getRedirectUri());

		assertThat(path).isEqualTo("/login/oauth2/code/hitkey");
		assertThat(HitKeyCallbackPath.isSpringDefault(path)).isTrue();
	}

	@Test
	void templateVariablesAreExpandedAsSpringSecurityExpandsThem() {
		assertThat(HitKeyCallbackPath.of("{baseUrl}/{action}/oauth2/code/{registrationId}"))
			.isEqualTo("/login/oauth2/code/hitkey");
		assertThat(HitKeyCallbackPath.of("https://app.example.com/sso/{registrationId}")).isEqualTo("/sso/hitkey");
	}

	@Test
	void pathOfACustomRedirectUriIsNotSpringSecuritysDefault() {
		assertThat(HitKeyCallbackPath.of("{baseUrl}/callback")).isEqualTo("/callback");
		assertThat(HitKeyCallbackPath.of("http://localhost:8080/callback")).isEqualTo("/callback");
		assertThat(HitKeyCallbackPath.isSpringDefault("/callback")).isFalse();
		assertThat(HitKeyCallbackPath.isSpringDefault("/login/oauth2/code/")).isFalse();
		assertThat(HitKeyCallbackPath.isSpringDefault("/login/oauth2/code/hitkey/more")).isFalse();
		assertThat(HitKeyCallbackPath.isSpringDefault("/app/login/oauth2/code/hitkey")).isFalse();
	}

	@Test
	void redirectUriWithoutPathCallsBackAtTheRoot() {
		assertThat(HitKeyCallbackPath.of("https://app.example.com")).isEqualTo("/");
		assertThat(HitKeyCallbackPath.of("{baseUrl}")).isEqualTo("/");
	}

}
