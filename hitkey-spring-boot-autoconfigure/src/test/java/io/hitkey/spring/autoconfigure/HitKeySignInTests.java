package io.hitkey.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HitKeySignIn}.
 */
class HitKeySignInTests {

	@Test
	void apiClientsAreToldWhereToSignIn() {
		String path = HitKeySignIn.path("");

		assertThat(HitKeySignIn.challenge(path))
			.isEqualTo("HitKey realm=\"hitkey\", sign_in=\"/oauth2/authorization/hitkey\"");
		assertThat(HitKeySignIn.body(path))
			.isEqualTo("{\"error\":\"unauthorized\",\"sign_in\":\"/oauth2/authorization/hitkey\"}");
	}

	@Test
	void pathUnderAContextPathIsQuotedInTheHeaderAndEscapedInTheBody() {
		String path = HitKeySignIn.path("/my \"app\"\\");

		assertThat(path).isEqualTo("/my \"app\"\\/oauth2/authorization/hitkey");
		assertThat(HitKeySignIn.challenge(path))
			.isEqualTo("HitKey realm=\"hitkey\", sign_in=\"/my \\\"app\\\"\\\\/oauth2/authorization/hitkey\"");
		assertThat(HitKeySignIn.body(path))
			.isEqualTo("{\"error\":\"unauthorized\",\"sign_in\":\"/my \\\"app\\\"\\\\/oauth2/authorization/hitkey\"}");
	}

}
