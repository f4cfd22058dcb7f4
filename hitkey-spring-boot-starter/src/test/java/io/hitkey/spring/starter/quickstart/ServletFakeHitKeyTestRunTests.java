package io.hitkey.spring.starter.quickstart;

import org.springframework.boot.WebApplicationType;

/**
 * The Quick start's application against a fake HitKey, on the servlet stack.
 */
class ServletFakeHitKeyTestRunTests extends FakeHitKeyTestRunTests {

	ServletFakeHitKeyTestRunTests() {
		super(WebApplicationType.SERVLET);
	}

}
