package io.hitkey.spring.starter.failures;

import java.net.http.HttpResponse;

import io.hitkey.spring.test.FakeHitKey;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each failure test needs: the application's fake HitKey and a fresh browser on the
 * application per test.
 */
abstract class FailureTestSupport {

	/**
	 * The redirects of a sign-in from a protected page: to the sign-in start, to HitKey's
	 * authorize page, to HitKey's callback, and back to the page.
	 */
	static final int SIGN_IN_REDIRECTS = 4;

	@Autowired
	FakeHitKey hitKey;

	@LocalServerPort
	int port;

	Visitor browser;

	@BeforeEach
	void newBrowser() {
		this.browser = new Visitor(this.port);
	}

	/**
	 * Assert that the given answer is a page the application rendered, without internals.
	 */
	void assertRenderedPage(HttpResponse<String> page) {
		assertThat(page.statusCode() / 100).as("a rendered page, not a redirect").isNotEqualTo(3);
		assertThat(page.uri().getPort()).as("the application's page").isEqualTo(this.port);
		assertThat(page.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at io.");
	}

}
