package io.hitkey.spring.starter.health;

import org.springframework.boot.WebApplicationType;

/**
 * The starter's default servlet chain for browser sign-in, without the resource server.
 */
class ServletSignInHealthTests extends HealthTests {

	ServletSignInHealthTests() {
		super(WebApplicationType.SERVLET, true);
	}

}
