package io.hitkey.spring.starter.observability;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.hitkey.spring.HitKeyUser;
import io.hitkey.spring.starter.failures.Visitor;
import io.hitkey.spring.test.AutoConfigureFakeHitKey;
import io.hitkey.spring.test.FakeHitKey;
import io.hitkey.spring.test.FakeHitKey.Endpoint;
import io.hitkey.spring.test.FakeHitKeyFault;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-ins and refreshes, as Actuator's meters and a tracer see them, in an application
 * with the starter's default chain: {@link ObservabilityTestSupport.App} on either
 * stack.
 */
@AutoConfigureFakeHitKey
public abstract class ObservabilityTestSupport {

	private static final int REQUESTS = 50;

	@Autowired
	FakeHitKey hitKey;

	@Autowired
	MeterRegistry meters;

	@Autowired
	RecordedObservations observations;

	@LocalServerPort
	int port;

	Visitor browser;

	@BeforeEach
	protected void fresh() {
		this.meters.clear();
		this.observations.clear();
		this.browser = new Visitor(this.port);
	}

	@Test
	protected void successfulSignInIsCountedAndParentsItsHitKeyCalls() {
		assertThat(this.browser.browse("/me").page().statusCode()).isEqualTo(200);

		assertThat(signIns("success", "none")).isEqualTo(1);
		Observation.Context signIn = this.observations.named("hitkey.signin").get(0);
		List<Observation.Context> calls = this.observations.named("http.client.requests");
		assertThat(calls).hasSize(2)
			.allSatisfy((call) -> assertThat(RecordedObservations.ancestors(call)).contains(signIn));
		assertThat(signIn.getParentObservation()).isNotNull();
		assertThat(signIn.getParentObservation().getContextView().getName()).isEqualTo("http.server.requests");
	}

	@Test
	protected void refusedCodeIsCountedAsInvalidGrant() {
		this.hitKey.failNext(Endpoint.TOKEN, 1, FakeHitKeyFault.error(400, "Invalid or expired authorization code"));

		this.browser.browse("/me");

		assertThat(signIns("failure", "invalid_grant")).isEqualTo(1);
		assertThat(signIns("success", "none")).isZero();
	}

	@Test
	protected void userCancellingIsCountedAsAccessDenied() {
		URI authorize = startSignIn();

		this.browser.browse(query(authorize, "redirect_uri") + "?error=access_denied&state=" + query(authorize, "state"));

		assertThat(signIns("failure", "access_denied")).isEqualTo(1);
	}

	@Test
	protected void unknownErrorCodeIsCountedAsOther() {
		URI authorize = startSignIn();

		this.browser.browse(query(authorize, "redirect_uri") + "?error=user%40example.com&state="
				+ query(authorize, "state"));

		assertThat(signIns("failure", "other")).isEqualTo(1);
		assertThat(this.meters.find("hitkey.signin").meters()).allSatisfy(
				(meter) -> assertThat(meter.getId().toString()).doesNotContain("example.com"));
	}

	@Test
	protected void userinfoFailureIsCountedAsInvalidUserInfoResponse() {
		this.hitKey.failNext(Endpoint.USERINFO, 1, FakeHitKeyFault.delay(Duration.ofSeconds(3)));

		this.browser.browse("/me");

		assertThat(signIns("failure", "invalid_user_info_response")).isEqualTo(1);
	}

	@Test
	protected void hitKeyDownIsCountedAsInvalidTokenResponse() {
		this.hitKey.failNext(Endpoint.TOKEN, 1, FakeHitKeyFault.dropConnection());

		this.browser.browse("/me");

		assertThat(signIns("failure", "invalid_token_response")).isEqualTo(1);
	}

	@Test
	protected void fiftyConcurrentRequestsCountOneRefreshAndTheOthersAsShared() throws Exception {
		signedInWithAnExpiringToken();
		this.hitKey.failNext(Endpoint.TOKEN, REQUESTS, FakeHitKeyFault.delay(Duration.ofMillis(300)));

		assertThat(concurrently()).allSatisfy((answer) -> assertThat(answer.statusCode()).isEqualTo(200));

		assertThat(refreshes("success", "false")).isEqualTo(1);
		// The requests that read the session once the new token was in it had nothing to refresh.
		assertThat(refreshes("success", "true")).isPositive().isLessThanOrEqualTo(REQUESTS - 1);
		Observation.Context refresh = this.observations.named("hitkey.refresh")
			.stream()
			.filter((context) -> "false".equals(context.getLowCardinalityKeyValue("shared").getValue()))
			.findFirst()
			.orElseThrow();
		assertThat(this.observations.named("http.client.requests"))
			.anySatisfy((call) -> assertThat(RecordedObservations.ancestors(call)).contains(refresh));
	}

	@Test
	protected void refreshHitKeyRefusesIsCountedAsRefused() {
		signedInWithAnExpiringToken();
		this.hitKey.revokeRefreshTokens();

		this.browser.get("/token", Map.of("Accept", "application/json"));

		assertThat(refreshes("refused", "false")).isEqualTo(1);
	}

	@Test
	protected void refreshWhileHitKeyIsDownIsCountedAsUnavailable() {
		signedInWithAnExpiringToken();
		this.hitKey.failNext(Endpoint.TOKEN, 1, FakeHitKeyFault.error(503, "Maintenance"));

		assertThat(this.browser.get("/token", Map.of("Accept", "application/json")).statusCode()).isEqualTo(503);

		assertThat(refreshes("unavailable", "false")).isEqualTo(1);
	}

	private long signIns(String outcome, String errorCode) {
		Timer timer = this.meters.find("hitkey.signin").tag("outcome", outcome).tag("error.code", errorCode).timer();
		return (timer != null) ? timer.count() : 0;
	}

	private long refreshes(String outcome, String shared) {
		Timer timer = this.meters.find("hitkey.refresh").tag("outcome", outcome).tag("shared", shared).timer();
		return (timer != null) ? timer.count() : 0;
	}

	private void signedInWithAnExpiringToken() {
		this.hitKey.accessTokenLifetime(Duration.ofSeconds(30));
		assertThat(this.browser.browse("/me").page().statusCode()).isEqualTo(200);
		this.hitKey.accessTokenLifetime(Duration.ofHours(1));
		this.meters.clear();
		this.observations.clear();
	}

	private URI startSignIn() {
		HttpResponse<String> protectedPage = this.browser.get("/me");
		return URI.create(Visitor.location(this.browser.get(Visitor.location(protectedPage))));
	}

	private static String query(URI uri, String name) {
		for (String pair : uri.getRawQuery().split("&")) {
			if (pair.startsWith(name + "=")) {
				return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
			}
		}
		throw new AssertionError("No " + name + " in " + uri);
	}

	private List<HttpResponse<String>> concurrently() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<HttpResponse<String>>> futures = new ArrayList<>();
			for (int i = 0; i < REQUESTS; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return this.browser.get("/token", Map.of("Accept", "application/json"));
				}));
			}
			start.countDown();
			List<HttpResponse<String>> answers = new ArrayList<>();
			for (Future<HttpResponse<String>> future : futures) {
				answers.add(future.get(30, TimeUnit.SECONDS));
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * The application: the starter, Actuator, and a recorder of observations.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	public static class App {

		@Bean
		RecordedObservations recordedObservations() {
			return new RecordedObservations();
		}

		@RestController
		static class Endpoints {

			@GetMapping("/me")
			Map<String, String> me(@AuthenticationPrincipal HitKeyUser user) {
				return Map.of("sub", user.getName());
			}

			@GetMapping("/token")
			Map<String, String> token(@RegisteredOAuth2AuthorizedClient("hitkey") OAuth2AuthorizedClient client) {
				return Map.of("type", client.getAccessToken().getTokenType().getValue());
			}

		}

	}

}
