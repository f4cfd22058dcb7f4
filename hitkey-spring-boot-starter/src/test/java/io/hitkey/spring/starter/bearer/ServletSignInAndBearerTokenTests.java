package io.hitkey.spring.starter.bearer;

import org.springframework.boot.WebApplicationType;

class ServletSignInAndBearerTokenTests extends SignInAndBearerTokenTests {

	ServletSignInAndBearerTokenTests() {
		super(WebApplicationType.SERVLET);
	}

}
