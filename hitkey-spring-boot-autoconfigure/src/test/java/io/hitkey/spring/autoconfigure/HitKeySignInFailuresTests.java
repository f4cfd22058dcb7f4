package io.hitkey.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.TestingAuthenticationToken;
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

		failure.setAuthenticationRequest(new TestingAuthenticationToken("code", "the-client-secret"));

		AuthenticationException kept = HitKeySignInFailures.forSession(failure);

		assertThat(kept).isInstanceOfSatisfying(OAuth2AuthenticationException.class,
				(oauth2) -> assertThat(oauth2.getError()).isSameAs(error));
		assertThat(kept.getCause()).isNull();
		assertThat(kept.getMessage()).doesNotContain("whole answer");
		assertThat(kept.getAuthenticationRequest()).isNull();
	}

	@Test
	void otherFailuresAreKeptAsAnOAuth2ErrorWithoutTheSignInRequestOrCause() {
		InternalAuthenticationServiceException failure = new InternalAuthenticationServiceException(
				"jdbc:postgresql://db/users refused", new IllegalStateException("users database down"));
		failure.setAuthenticationRequest(new TestingAuthenticationToken("code", "the-client-secret"));

		OAuth2AuthenticationException kept = HitKeySignInFailures.forSession(failure);

		assertThat(kept.getError().getErrorCode()).isEqualTo("server_error");
		assertThat(kept.getError().getDescription())
			.isEqualTo("Sign-in failed: InternalAuthenticationServiceException");
		assertThat(kept.getCause()).isNull();
		assertThat(kept.getAuthenticationRequest()).isNull();
		assertThat(HitKeySignInFailures.forSession(new DisabledException("disabled")).getError().getErrorCode())
			.isEqualTo("access_denied");
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
