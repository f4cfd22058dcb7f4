package io.hitkey.spring.starter.failures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.hitkey.spring.starter.failures.Visitor.Journey;
import io.hitkey.spring.test.AutoConfigureFakeHitKey;
import io.hitkey.spring.test.FakeHitKey.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HitKey's API refusing connections (down, or a wrong {@code hitkey.api-url}) while its
 * login UI works ends the sign-in on the login error page at once. Here with the
 * starter's default chain; subclasses use chains of the application's own.
 */
@SpringBootTest(classes = FailureTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureFakeHitKey
@ExtendWith(OutputCaptureExtension.class)
class HitKeyUnreachableTests extends FailureTestSupport {

	@DynamicPropertySource
	static void apiRefusesConnections(DynamicPropertyRegistry registry) {
		registry.add("hitkey.api-url", () -> "http://127.0.0.1:" + closedPort());
	}

	@Test
	void connectionRefusedEndsOnTheLoginErrorPageAtOnce(CapturedOutput output) {
		long start = System.nanoTime();
		Journey journey = this.browser.browse("/me");

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(journey.redirects()).as(journey.toString()).isEqualTo(SIGN_IN_REDIRECTS);
		HttpResponse<String> page = journey.page();
		assertThat(page.uri().getPath() + ((page.uri().getQuery() != null) ? "?" + page.uri().getQuery() : ""))
			.isEqualTo(failureUrl());
		assertThat(page.statusCode()).isEqualTo(200);
		assertRenderedPage(page);
		assertThat(this.hitKey.calls(Endpoint.AUTHORIZE)).isEqualTo(1);
		assertThat(this.hitKey.calls(Endpoint.TOKEN)).isZero();
		if (logsFailures()) {
			assertThat(output).contains("HitKey sign-in failed: invalid_token_response");
		}
		assertThat(this.browser.get("/me").statusCode()).as("not signed in").isEqualTo(302);
		assertThat(this.browser.get("/me", Map.of("Accept", "application/json")).statusCode()).isIn(302, 401);
	}

	String failureUrl() {
		return "/login?error";
	}

	boolean logsFailures() {
		return true;
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
