package io.hitkey.spring.starter.bearer;

import org.springframework.boot.WebApplicationType;

class ReactiveSignInAndBearerTokenTests extends SignInAndBearerTokenTests {

	ReactiveSignInAndBearerTokenTests() {
		super(WebApplicationType.REACTIVE);
	}

}
