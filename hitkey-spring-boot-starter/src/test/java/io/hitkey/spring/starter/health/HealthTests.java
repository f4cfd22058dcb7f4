package io.hitkey.spring.starter.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.hitkey.spring.starter.failures.Visitor;
import io.hitkey.spring.test.FakeHitKey;
import io.hitkey.spring.test.FakeHitKey.Endpoint;
import io.hitkey.spring.test.FakeHitKeyFault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Actuator's health endpoint in the starter's default chains, and the {@code hitkey}
 * health indicator, over real HTTP against a fake HitKey that can be stopped, on one
 * stack and in one mode.
 */
@TestInstance(Lifecycle.PER_CLASS)
public abstract class HealthTests {

	private static final Map<String, String> JSON = Map.of("Accept", "application/json");

	private static final Duration CACHE_TIME = Duration.ofSeconds(1);

	private static final List<String> PROBES = List.of("/actuator/health", "/actuator/health/liveness",
			"/actuator/health/readiness", "/livez", "/readyz");

	/**
	 * On a port of its own, to be stopped and started again.
	 */
	private final FakeHitKey hitKey = FakeHitKey.builder().port(freePort()).build().start();

	private final WebApplicationType stack;

	private final boolean signIn;

	private ConfigurableApplicationContext application;

	/**
	 * Actuator with its defaults, components shown. Both applications live as long as the
	 * class: closing a reactive one would stop the other's shared server resources.
	 */
	private ConfigurableApplicationContext defaults;

	private Visitor visitor;

	protected HealthTests(WebApplicationType stack, boolean signIn) {
		this.stack = stack;
		this.signIn = signIn;
	}

	@BeforeAll
	void startApplication() {
		this.application = HealthTestApplication.start(this.stack, this.signIn, this.hitKey,
				Map.of("management.health.hitkey.enabled", "true", "management.health.hitkey.cache-time",
						CACHE_TIME.toMillis() + "ms", "management.endpoint.health.show-details", "always",
						"management.endpoints.web.exposure.include", "health,info",
						"management.endpoint.health.probes.add-additional-paths", "true"));
		this.visitor = new Visitor(port(this.application));
		this.defaults = HealthTestApplication.start(this.stack, this.signIn, this.hitKey,
				Map.of("management.endpoint.health.show-components", "always"));
	}

	@AfterAll
	void stopApplication() {
		this.defaults.close();
		this.application.close();
		this.hitKey.close();
	}

	@BeforeEach
	void resetHitKey() {
		this.hitKey.reset();
	}

	@Test
	void anonymousProbesReachTheHealthEndpointItsGroupsAndTheirAdditionalPaths() {
		for (String path : PROBES) {
			assertThat(this.visitor.get(path, JSON).statusCode()).as(path).isEqualTo(200);
		}
	}

	@Test
	void otherEndpointsAndPagesStillNeedAnAuthenticatedUser() {
		for (String path : new String[] { "/actuator", "/actuator/info", "/api/me" }) {
			assertThat(this.visitor.get(path, JSON).statusCode()).as(path).isEqualTo(401);
		}
		assertThat(this.visitor.get("/actuator/health/../info", JSON).statusCode()).isIn(400, 401);
		if (this.signIn) {
			HttpResponse<String> page = this.visitor.get("/actuator/info");
			assertThat(page.statusCode()).isEqualTo(302);
		}
	}

	@Test
	void hitKeyIsUpWithItsApiUrl() throws InterruptedException {
		awaitStaleAnswer();
		JsonNode hitKey = health().get("components").get("hitkey");
		assertThat(hitKey.get("status").asString()).isEqualTo("UP");
		assertThat(hitKey.get("details").get("apiUrl").asString()).isEqualTo(this.hitKey.apiUrl());
		assertThat(this.hitKey.calls(Endpoint.HEALTH)).isEqualTo(1);
	}

	@Test
	void downWhileHitKeyIsStoppedButNotInTheProbeGroupsThenUpAgainAfterTheCacheTime() {
		String apiUrl = this.hitKey.apiUrl();
		String clientSecret = this.hitKey.clientSecret();
		this.hitKey.close();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> hitKeyStatus().equals("DOWN"));
			HttpResponse<String> answer = this.visitor.get("/actuator/health", JSON);
			assertThat(answer.statusCode()).isEqualTo(503);
			JsonNode details = json(answer).get("components").get("hitkey").get("details");
			assertThat(details.get("apiUrl").asString()).isEqualTo(apiUrl);
			assertThat(details.get("error").asString()).isNotBlank();
			assertThat(answer.body()).doesNotContain(clientSecret);
			for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/livez",
					"/readyz")) {
				HttpResponse<String> probeAnswer = this.visitor.get(probe, JSON);
				assertThat(probeAnswer.statusCode()).as(probe).isEqualTo(200);
				assertThat(probeAnswer.body()).as(probe).doesNotContain("hitkey");
			}
		}
		finally {
			this.hitKey.start();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> hitKeyStatus().equals("UP"));
	}

	@Test
	void downWithTheStatusWhenHitKeyAnswersAnError() throws InterruptedException {
		awaitStaleAnswer();
		this.hitKey.failNext(Endpoint.HEALTH, 1, FakeHitKeyFault.error(503, "Down for maintenance"));
		JsonNode hitKey = health().get("components").get("hitkey");
		assertThat(hitKey.get("status").asString()).isEqualTo("DOWN");
		assertThat(hitKey.get("details").get("error").asString()).isEqualTo("HitKey answered HTTP 503");
	}

	@Test
	void concurrentHealthRequestsShareOneCallToHitKey() throws Exception {
		awaitStaleAnswer();
		this.hitKey.failNext(Endpoint.HEALTH, 1, FakeHitKeyFault.delay(Duration.ofMillis(500)));
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, 8)
				.mapToObj((i) -> CompletableFuture
					.supplyAsync(() -> new Visitor(port(this.application)).get("/actuator/health", JSON), executor))
				.toList();
			for (CompletableFuture<HttpResponse<String>> answer : answers) {
				assertThat(answer.get().statusCode()).isEqualTo(200);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.hitKey.calls(Endpoint.HEALTH)).isEqualTo(1);
	}

	@Test
	void offByDefaultAndDetailsOnlyAsShowDetailsAllows() {
		HttpResponse<String> answer = new Visitor(port(this.defaults)).get("/actuator/health", JSON);
		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode components = json(answer).get("components");
		assertThat(components.has("ping")).isTrue();
		assertThat(components.has("hitkey")).isFalse();
		assertThat(answer.body()).doesNotContain("\"details\"");
	}

	private String hitKeyStatus() {
		return health().get("components").get("hitkey").get("status").asString();
	}

	private JsonNode health() {
		return json(this.visitor.get("/actuator/health", JSON));
	}

	private static JsonNode json(HttpResponse<String> answer) {
		return JsonMapper.shared().readTree(answer.body());
	}

	private static void awaitStaleAnswer() throws InterruptedException {
		Thread.sleep(CACHE_TIME.plusMillis(200).toMillis());
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
