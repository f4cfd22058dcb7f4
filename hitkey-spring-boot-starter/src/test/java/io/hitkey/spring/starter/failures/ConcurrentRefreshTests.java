package io.hitkey.spring.starter.failures;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.hitkey.spring.test.AutoConfigureFakeHitKey;
import io.hitkey.spring.test.FakeHitKey;
import io.hitkey.spring.test.FakeHitKeyFault;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many requests of one user arriving while the user's access token has expired cause
 * one refresh at HitKey, not one per request.
 */
@SpringBootTest(classes = FailureTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureFakeHitKey
class ConcurrentRefreshTests {

	private static final int REQUESTS = 50;

	@Autowired
	FakeHitKey hitKey;

	@LocalServerPort
	int port;

	@Test
	void fiftyConcurrentRequestsWithAnExpiredTokenRefreshItOnce() throws Exception {
		Visitor browser = signedInWithAnExpiringToken();
		// A slow HitKey widens the window in which the requests overlap.
		this.hitKey.failNext(FakeHitKey.Endpoint.TOKEN, REQUESTS, FakeHitKeyFault.delay(Duration.ofMillis(300)));

		List<HttpResponse<String>> answers = concurrently(browser);

		assertThat(answers).allSatisfy((answer) -> assertThat(answer.statusCode()).isEqualTo(200));
		assertThat(answers.stream().map(HttpResponse::body).distinct()).hasSize(1);
		assertThat(this.hitKey.tokenCalls("refresh_token")).isEqualTo(1);
	}

	@Test
	void fiftyConcurrentRequestsWhileHitKeyIsDownShareOneFailedRefresh() throws Exception {
		Visitor browser = signedInWithAnExpiringToken();
		this.hitKey.failNext(FakeHitKey.Endpoint.TOKEN, 1,
				FakeHitKeyFault.trickle(503, "{\"error\":\"Maintenance\"}", "application/json", Duration.ofMillis(20)));

		List<HttpResponse<String>> answers = concurrently(browser);

		assertThat(answers).allSatisfy((answer) -> assertThat(answer.statusCode()).isEqualTo(503));
		assertThat(this.hitKey.tokenCalls("refresh_token")).isEqualTo(1);
		assertThat(browser.get("/me", Map.of("Accept", "application/json")).statusCode()).isEqualTo(200);
	}

	private Visitor signedInWithAnExpiringToken() {
		Visitor browser = new Visitor(this.port);
		this.hitKey.accessTokenLifetime(Duration.ofSeconds(30));
		assertThat(browser.browse("/me").page().statusCode()).isEqualTo(200);
		this.hitKey.accessTokenLifetime(Duration.ofHours(1));
		return browser;
	}

	private List<HttpResponse<String>> concurrently(Visitor browser) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<HttpResponse<String>>> futures = new ArrayList<>();
			for (int i = 0; i < REQUESTS; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return browser.get("/token", Map.of("Accept", "application/json"));
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

}
