package io.hitkey.spring.starter.webflux;

import io.hitkey.spring.starter.quickstart.FakeHitKeyTestRunTests;
import org.junit.jupiter.api.Tag;

import org.springframework.boot.WebApplicationType;

/**
 * The Quick start's application against a fake HitKey, on WebFlux.
 */
@Tag("webflux")
class ReactiveFakeHitKeyTestRunTests extends FakeHitKeyTestRunTests {

	ReactiveFakeHitKeyTestRunTests() {
		super(WebApplicationType.REACTIVE);
	}

}
