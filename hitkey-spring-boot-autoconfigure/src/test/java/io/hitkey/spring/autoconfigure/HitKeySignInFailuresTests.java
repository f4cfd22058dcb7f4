package io.hitkey.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HitKeySignInFailures}.
 */
class HitKeySignInFailuresTests {

	@Test
	void theSessionKeepsAnOAuth2FailuresErrorWithoutItsCauseOrMessage() {
		OAuth2Error error = new OAuth2Error("invalid_grant", "Invalid or expired authorization code", null);
		OAuth2AuthenticationException failure = new OAuth2AuthenticationException(error,
				new IllegalStateException("HitKey's whole answer"));

		AuthenticationException kept = HitKeySignInFailures.forSession(failure);

		assertThat(kept).isInstanceOfSatisfying(OAuth2AuthenticationException.class,
				(oauth2) -> assertThat(oauth2.getError()).isSameAs(error));
		assertThat(kept.getCause()).isNull();
		assertThat(kept.getMessage()).doesNotContain("whole answer");
	}

	@Test
	void otherFailuresAreKeptAsTheyAre() {
		BadCredentialsException failure = new BadCredentialsException("no");

		assertThat(HitKeySignInFailures.forSession(failure)).isSameAs(failure);
	}

	@Test
	void theLogLineSaysWhyOnOneLine() {
		OAuth2AuthenticationException failure = new OAuth2AuthenticationException(
				new OAuth2Error("access_denied", "The user said no\nINFO forged line", null));

		assertThat(HitKeySignInFailures.logLine(failure)).startsWith("HitKey sign-in failed: access_denied: The user")
			.doesNotContain("\n");
		assertThat(HitKeySignInFailures.logLine(new BadCredentialsException("no")))
			.isEqualTo("HitKey sign-in failed: BadCredentialsException");
	}

}
