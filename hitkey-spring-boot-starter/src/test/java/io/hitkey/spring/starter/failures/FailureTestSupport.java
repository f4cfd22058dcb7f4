package io.hitkey.spring.starter.failures;

import io.hitkey.spring.test.FakeHitKey;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What each failure test needs: the application's fake HitKey and a fresh browser on the
 * application per test.
 */
abstract class FailureTestSupport {

	@Autowired
	FakeHitKey hitKey;

	@LocalServerPort
	int port;

	Visitor browser;

	@BeforeEach
	void newBrowser() {
		this.browser = new Visitor(this.port);
	}

}
