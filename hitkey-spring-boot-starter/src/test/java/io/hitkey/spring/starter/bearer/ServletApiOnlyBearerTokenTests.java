package io.hitkey.spring.starter.bearer;

import org.springframework.boot.WebApplicationType;

class ServletApiOnlyBearerTokenTests extends ApiOnlyBearerTokenTests {

	ServletApiOnlyBearerTokenTests() {
		super(WebApplicationType.SERVLET);
	}

}
