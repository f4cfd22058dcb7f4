package io.hitkey.spring.starter.bearer;

import org.springframework.boot.WebApplicationType;

class ReactiveApiOnlyBearerTokenTests extends ApiOnlyBearerTokenTests {

	ReactiveApiOnlyBearerTokenTests() {
		super(WebApplicationType.REACTIVE);
	}

}
