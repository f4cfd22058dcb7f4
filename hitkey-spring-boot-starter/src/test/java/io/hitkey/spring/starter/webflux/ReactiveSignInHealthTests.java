package io.hitkey.spring.starter.webflux;

import io.hitkey.spring.starter.health.HealthTests;
import org.junit.jupiter.api.Tag;

import org.springframework.boot.WebApplicationType;

/**
 * The starter's default reactive chain for browser sign-in, next to Bearer tokens.
 */
@Tag("webflux")
class ReactiveSignInHealthTests extends HealthTests {

	ReactiveSignInHealthTests() {
		super(WebApplicationType.REACTIVE, true);
	}

}
