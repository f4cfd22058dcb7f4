package io.hitkey.spring.starter.failures;

import org.springframework.context.annotation.Import;

/**
 * The sign-in failure journeys through a chain with Spring Security's plain
 * {@code oauth2Login()}: each ends on Spring Security's login error page. Such a chain
 * does not log failed sign-ins.
 */
@Import(ApplicationChains.PlainLogin.class)
class PlainLoginChainSignInFailureTests extends SignInFailureTests {

	@Override
	boolean logsFailures() {
		return false;
	}

}
