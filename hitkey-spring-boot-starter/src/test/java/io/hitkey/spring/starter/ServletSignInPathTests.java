package io.hitkey.spring.starter;

import org.springframework.boot.WebApplicationType;

class ServletSignInPathTests extends SignInPathTests {

	ServletSignInPathTests() {
		super(WebApplicationType.SERVLET, "server.servlet.context-path");
	}

}
