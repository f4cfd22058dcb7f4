package io.hitkey.spring.starter.webflux;

import io.hitkey.spring.starter.SignInPathTests;
import org.junit.jupiter.api.Tag;

import org.springframework.boot.WebApplicationType;

@Tag("webflux")
class ReactiveSignInPathTests extends SignInPathTests {

	ReactiveSignInPathTests() {
		super(WebApplicationType.REACTIVE, "spring.webflux.base-path");
	}

}
