package io.hitkey.spring.starter.failures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import io.hitkey.spring.starter.failures.Visitor.Journey;
import io.hitkey.spring.test.FakeHitKey;
import io.hitkey.spring.test.FakeHitKey.Endpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HitKey's API refusing connections (down, or a wrong {@code hitkey.api-url}) ends the
 * sign-in on the login error page at once.
 */
@SpringBootTest(classes = FailureTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class HitKeyUnreachableTests {

	static final FakeHitKey loginUi = FakeHitKey.builder()
		.autoApprove(FakeHitKey.builder().build().users().get(0))
		.build()
		.start();

	@DynamicPropertySource
	static void apiRefusesConnections(DynamicPropertyRegistry registry) {
		registry.add("hitkey.auth-url", loginUi::authUrl);
		registry.add("hitkey.api-url", () -> "http://127.0.0.1:" + closedPort());
		registry.add("hitkey.client-id", loginUi::clientId);
		registry.add("hitkey.client-secret", loginUi::clientSecret);
	}

	@LocalServerPort
	int port;

	@AfterAll
	static void stopLoginUi() {
		loginUi.close();
	}

	@Test
	void connectionRefusedEndsOnTheLoginErrorPageAtOnce(CapturedOutput output) {
		Visitor browser = new Visitor(this.port);

		long start = System.nanoTime();
		Journey journey = browser.browse("/me");

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(journey.redirects()).as(journey.toString()).isEqualTo(4);
		assertThat(journey.page().uri().getPath()).isEqualTo("/login");
		assertThat(journey.page().uri().getQuery()).isEqualTo("error");
		assertThat(journey.page().statusCode()).isEqualTo(200);
		assertThat(journey.page().body()).contains("Login with OAuth 2.0").doesNotContain("Exception");
		assertThat(loginUi.calls(Endpoint.AUTHORIZE)).isEqualTo(1);
		assertThat(output).contains("HitKey sign-in failed: invalid_token_response");
		assertThat(browser.get("/me", Map.of("Accept", "application/json")).statusCode()).isEqualTo(401);
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
