package io.hitkey.spring.autoconfigure;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every full sign-in test needs, servlet or WebFlux: a WireMock stand-in for HitKey
 * that the starter points at, and a fresh browser per test.
 */
public abstract class HitKeyStandInTestSupport {

	/**
	 * One stand-in for the whole test run: Spring caches application contexts across
	 * test classes, so the HitKey URL they were started with must stay valid.
	 */
	protected static final WireMockServer hitKey = HitKeyStubs.startHitKey();

	@DynamicPropertySource
	static void hitKeyProperties(DynamicPropertyRegistry registry) {
		registry.add("hitkey.client-id", () -> HitKeyStubs.CLIENT_ID);
		registry.add("hitkey.client-secret", () -> HitKeyStubs.CLIENT_SECRET);
		registry.add("hitkey.auth-url", hitKey::baseUrl);
		registry.add("hitkey.api-url", hitKey::baseUrl);
	}

	@LocalServerPort
	protected int port;

	protected SignInClient browser;

	@BeforeEach
	void newBrowserAndNoStubs() {
		this.browser = new SignInClient(this.port);
		hitKey.resetAll();
	}

}
