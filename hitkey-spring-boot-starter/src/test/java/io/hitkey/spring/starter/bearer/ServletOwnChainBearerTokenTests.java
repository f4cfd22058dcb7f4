package io.hitkey.spring.starter.bearer;

import org.springframework.boot.WebApplicationType;

/**
 * Bearer tokens next to browser sign-in in the application's own chain.
 */
class ServletOwnChainBearerTokenTests extends SignInAndBearerTokenTests {

	ServletOwnChainBearerTokenTests() {
		super(WebApplicationType.SERVLET, OwnChains.Servlet.class);
	}

}
