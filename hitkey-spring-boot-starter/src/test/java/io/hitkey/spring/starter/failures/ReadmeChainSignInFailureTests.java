package io.hitkey.spring.starter.failures;

import java.net.http.HttpResponse;

import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in failure journeys through the README's chain, copied verbatim: each ends on
 * the application's {@code /login-error} page, reachable without a session.
 */
@Import(ApplicationChains.Readme.class)
class ReadmeChainSignInFailureTests extends SignInFailureTests {

	@Override
	String failureUrl() {
		return "/login-error";
	}

	@Override
	void assertFailurePage(HttpResponse<String> page) {
		assertThat(page.body()).startsWith("Sign-in failed: ");
	}

}
