package io.hitkey.spring.starter.bearer;

import io.hitkey.spring.starter.health.HealthTests;
import org.junit.jupiter.api.Tag;

import org.springframework.boot.WebApplicationType;

/**
 * The starter's default servlet chain for browser sign-in next to Bearer tokens.
 */
@Tag("bearer-tokens")
class ServletSignInAndBearerHealthTests extends HealthTests {

	ServletSignInAndBearerHealthTests() {
		super(WebApplicationType.SERVLET, true);
	}

}
