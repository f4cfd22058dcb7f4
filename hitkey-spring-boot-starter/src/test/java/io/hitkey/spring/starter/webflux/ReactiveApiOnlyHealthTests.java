package io.hitkey.spring.starter.webflux;

import io.hitkey.spring.starter.health.HealthTests;
import org.junit.jupiter.api.Tag;

import org.springframework.boot.WebApplicationType;

/**
 * The starter's default reactive chain of an API without HitKey sign-in.
 */
@Tag("webflux")
class ReactiveApiOnlyHealthTests extends HealthTests {

	ReactiveApiOnlyHealthTests() {
		super(WebApplicationType.REACTIVE, false);
	}

}
