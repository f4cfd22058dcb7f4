package io.hitkey.spring.starter.bearer;

import io.hitkey.spring.starter.health.HealthTests;
import org.junit.jupiter.api.Tag;

import org.springframework.boot.WebApplicationType;

/**
 * The starter's default servlet chain of an API without HitKey sign-in.
 */
@Tag("bearer-tokens")
class ServletApiOnlyHealthTests extends HealthTests {

	ServletApiOnlyHealthTests() {
		super(WebApplicationType.SERVLET, false);
	}

}
