package io.hitkey.spring.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.hitkey.spring.autoconfigure.HopByHopBrowser.Visit;
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

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.hitkey.spring.autoconfigure.HopByHopBrowser.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * HitKey's API refusing connections (down, or a wrong {@code hitkey.api-url}) while its
 * sign-in page works ends a WebFlux sign-in on the login error page, as a browser sees
 * it, with the starter's default filter chain.
 */
@SpringBootTest(classes = ReactiveSignInTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "hitkey.read-timeout=700ms" })
@ExtendWith(OutputCaptureExtension.class)
class HitKeyReactiveApiRefusedIntegrationTests {

	/**
	 * HitKey's sign-in page only: the stand-in of {@link HitKeyStandInTestSupport} would
	 * be HitKey's API too, whatever this class registers.
	 */
	private static final WireMockServer hitKey = HitKeyStubs.startHitKey();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void hitKeyWithItsApiRefusingConnections(DynamicPropertyRegistry registry) {
		registry.add("hitkey.client-id", () -> HitKeyStubs.CLIENT_ID);
		registry.add("hitkey.client-secret", () -> HitKeyStubs.CLIENT_SECRET);
		registry.add("hitkey.auth-url", hitKey::baseUrl);
		registry.add("hitkey.api-url", () -> "http://127.0.0.1:" + closedPort());
	}

	@AfterAll
	static void stopHitKey() {
		hitKey.stop();
	}

	@Test
	void connectionRefusedEndsOnTheLoginErrorPage(CapturedOutput output) {
		HitKeyAuthorizeStubs.approves(hitKey, "code-refused");
		HopByHopBrowser visitor = new HopByHopBrowser(this.port);

		Visit visit = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> visitor.visit("/me"));

		HttpResponse<String> page = visit.assertEndsOnApplicationPage(visitor.origin(), 200, 4);
		assertThat(visit.paths()).containsExactlyElementsOf(HitKeyReactiveHitKeyFaultsIntegrationTests.FAILED_SIGN_IN);
		assertThat(page.uri().getQuery()).isEqualTo("error");
		assertThat(page.body()).contains("Invalid credentials").contains("href=\"/oauth2/authorization/hitkey\"");
		assertThat(visitor.get("/me", JSON).statusCode()).as("signed in after a failed sign-in").isEqualTo(401);
		assertThat(HitKeyAuthorizeStubs.visits(hitKey)).isOne();
		assertThat(hitKey.findAll(anyRequestedFor(anyUrl()))).as("HitKey's API is elsewhere")
			.allSatisfy((request) -> assertThat(request.getUrl()).startsWith("/?"));
		assertThat(output).contains("HitKey sign-in failed: invalid_token_response: "
				+ HitKeyReactiveHitKeyFaultsIntegrationTests.UNREACHABLE)
			.doesNotContain("code-refused")
			.doesNotContain(HitKeyStubs.CLIENT_SECRET);
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
