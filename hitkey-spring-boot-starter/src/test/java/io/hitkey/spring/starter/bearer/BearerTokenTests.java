package io.hitkey.spring.starter.bearer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import io.hitkey.spring.starter.failures.Visitor;
import io.hitkey.spring.test.FakeHitKey;
import io.hitkey.spring.test.FakeHitKey.Endpoint;
import io.hitkey.spring.test.FakeHitKeyFault;
import io.hitkey.spring.test.FakeHitKeyUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HitKey access tokens as Bearer tokens, over real HTTP against a fake HitKey, on one
 * stack and in one mode: with browser sign-in next to them, or as an API only.
 */
@Tag("bearer-tokens")
@TestInstance(Lifecycle.PER_CLASS)
abstract class BearerTokenTests {

	static final Map<String, String> JSON = Map.of("Accept", "application/json");

	/**
	 * On a port of its own, to be stopped and started again.
	 */
	final FakeHitKey hitKey = FakeHitKey.builder().port(freePort()).build().start();

	final WebApplicationType stack;

	final boolean signIn;

	BearerApplication application;

	FakeHitKeyUser ada;

	FakeHitKeyUser grace;

	final Class<?>[] configurations;

	BearerTokenTests(WebApplicationType stack, boolean signIn, Class<?>... configurations) {
		this.stack = stack;
		this.signIn = signIn;
		this.configurations = configurations;
	}

	@BeforeAll
	void startApplication() {
		this.application = BearerApplication.start(this.stack, this.signIn, this.hitKey, this.configurations);
		this.ada = this.hitKey.users().get(0);
		this.grace = this.hitKey.users().get(1);
	}

	@AfterAll
	void stopApplication() {
		this.application.close();
		this.hitKey.close();
	}

	@BeforeEach
	void resetHitKey() {
		this.hitKey.reset();
	}

	@Test
	void acceptsAValidTokenAsItsOwnerWithTheRolesAndPermissionsOfTheProject() {
		HttpResponse<String> answer = api().get("/api/me", bearer(this.hitKey.accessToken(this.ada)));
		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode me = JsonMapper.shared().readTree(answer.body());
		assertThat(me.get("name").asString()).isEqualTo(this.ada.sub().toString());
		assertThat(me.get("type").asString()).isEqualTo("BearerTokenAuthentication");
		assertThat(me.get("authorities").toString()).isEqualTo(
				"[\"PERMISSION_can_deploy\",\"ROLE_ADMIN\",\"SCOPE_email\",\"SCOPE_openid\",\"SCOPE_profile\",\"SCOPE_project:read\"]");
	}

	@Test
	void scopesAreTheOnesTheClaimsShow() {
		HttpResponse<String> answer = api().get("/api/me", bearer(this.hitKey.accessToken(this.grace, "email")));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(JsonMapper.shared().readTree(answer.body()).get("authorities").toString())
			.isEqualTo("[\"SCOPE_email\",\"SCOPE_openid\"]");
	}

	@Test
	void answersAnExpiredTokenWith401InvalidToken() {
		String token = this.hitKey.accessToken(this.ada);
		this.hitKey.expireAccessTokens();
		assertInvalidToken(api().get("/api/me", bearer(token)));
	}

	@Test
	void answersAnUnknownTokenWith401InvalidTokenAndAsksHitKeyAgainOnlyAfterAFewSeconds() throws Exception {
		String token = "hkat_never-issued-" + System.nanoTime();
		assertInvalidToken(api().get("/api/me", bearer(token)));
		assertInvalidToken(api().get("/api/me", bearer(token)));
		assertThat(this.hitKey.calls(Endpoint.USERINFO)).isEqualTo(1);
		Thread.sleep(5_500);
		assertInvalidToken(api().get("/api/me", bearer(token)));
		assertThat(this.hitKey.calls(Endpoint.USERINFO)).isEqualTo(2);
	}

	@Test
	void answersAnyRefusalOfHitKeysWith401WhateverItsBody() {
		String token = this.hitKey.accessToken(this.ada);
		this.hitKey.failNext(Endpoint.USERINFO, 1,
				FakeHitKeyFault.status(401, "{\"error\":\"token_expired\"}", "application/json"));
		assertInvalidToken(api().get("/api/me", bearer(token)));
	}

	@Test
	void answersAMalformedAuthorizationHeaderWith401() {
		assertThat(api().get("/api/me", Map.of("Accept", "application/json", "Authorization", "Bearer a b c"))
			.statusCode()).isEqualTo(401);
		assertThat(this.hitKey.calls(Endpoint.USERINFO)).isZero();
	}

	@Test
	void anApiClientWithoutTokenIsTurnedAway() {
		assertTurnedAway(api().get("/api/me", JSON));
	}

	/**
	 * Assert the answer to an API client without a token: {@code 401}, never a redirect.
	 */
	void assertTurnedAway(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("Location")).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hitKeyFailures")
	void answers503WithRetryAfterWhenHitKeyCannotCheckTheTokenAndAcceptsItOnceHitKeyIsBack(String failure,
			FakeHitKeyFault fault) {
		String token = this.hitKey.accessToken(this.ada);
		this.hitKey.failNext(Endpoint.USERINFO, 1, fault);
		HttpResponse<String> answer = api().get("/api/me", bearer(token));
		assertThat(answer.statusCode()).isEqualTo(503);
		assertThat(answer.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(answer.body()).isEqualTo("{\"error\":\"temporarily_unavailable\","
				+ "\"error_description\":\"HitKey could not check the access token, try again later\"}");
		HttpResponse<String> again = api().get("/api/me", bearer(token));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(this.hitKey.calls(Endpoint.USERINFO)).isEqualTo(2);
	}

	static Stream<Arguments> hitKeyFailures() {
		return Stream.of(Arguments.of("error 500", FakeHitKeyFault.error(500, "boom")),
				Arguments.of("error 503", FakeHitKeyFault.error(503, "maintenance")),
				Arguments.of("rate limited", FakeHitKeyFault.error(429, "Too many requests")),
				Arguments.of("403 from a proxy in front of HitKey",
						FakeHitKeyFault.status(403, "<html>Forbidden</html>", "text/html")),
				Arguments.of("403 with an RFC 6749 code", FakeHitKeyFault.error(403, "access_denied")),
				Arguments.of("slower than hitkey.read-timeout", FakeHitKeyFault.delay(Duration.ofSeconds(3))),
				Arguments.of("connection dropped", FakeHitKeyFault.dropConnection()),
				Arguments.of("garbage", FakeHitKeyFault.status(200, "<html>hello</html>", "text/html")),
				Arguments.of("no user", FakeHitKeyFault.status(200, "{\"name\":\"x\"}", "application/json")));
	}

	@Test
	void answers503WhileHitKeyIsDownAndAcceptsTheTokenAsSoonAsItIsBack() {
		String token = this.hitKey.accessToken(this.ada);
		this.hitKey.close();
		try {
			HttpResponse<String> answer = api().get("/api/me", bearer(token));
			assertThat(answer.statusCode()).isEqualTo(503);
			assertThat(answer.headers().firstValue("Retry-After")).hasValue("30");
		}
		finally {
			this.hitKey.start();
		}
		assertThat(api().get("/api/me", bearer(token)).statusCode()).isEqualTo(200);
	}

	@Test
	void aTokenUsedAgainCostsNoHitKeyCallUntilTheCacheTimeIsOver() throws Exception {
		String token = this.hitKey.accessToken(this.ada);
		for (int i = 0; i < 20; i++) {
			assertThat(api().get("/api/me", bearer(token)).statusCode()).isEqualTo(200);
		}
		assertThat(this.hitKey.calls(Endpoint.USERINFO)).isEqualTo(1);
		Thread.sleep(DurationStyle.detectAndParse(BearerApplication.CACHE_TIME).plusMillis(500).toMillis());
		assertThat(api().get("/api/me", bearer(token)).statusCode()).isEqualTo(200);
		assertThat(this.hitKey.calls(Endpoint.USERINFO)).isEqualTo(2);
	}

	@Test
	void fiftyConcurrentRequestsWithANewTokenCostOneHitKeyCallAndDifferentTokensAreNeverConfused()
			throws Exception {
		List<String> tokens = List.of(this.hitKey.accessToken(this.ada), this.hitKey.accessToken(this.grace));
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		ExecutorService threads = Executors.newFixedThreadPool(100);
		CountDownLatch start = new CountDownLatch(1);
		try {
			for (int i = 0; i < 100; i++) {
				String token = tokens.get(i % 2);
				answers.add(CompletableFuture.supplyAsync(() -> {
					try {
						start.await();
						return http.send(HttpRequest.newBuilder(URI.create(url("/api/me")))
							.header("Authorization", "Bearer " + token)
							.timeout(Duration.ofSeconds(20))
							.build(), BodyHandlers.ofString());
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}, threads));
			}
			start.countDown();
			for (int i = 0; i < answers.size(); i++) {
				HttpResponse<String> answer = answers.get(i).join();
				assertThat(answer.statusCode()).isEqualTo(200);
				FakeHitKeyUser owner = (i % 2 == 0) ? this.ada : this.grace;
				assertThat(JsonMapper.shared().readTree(answer.body()).get("name").asString())
					.isEqualTo(owner.sub().toString());
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.hitKey.calls(Endpoint.USERINFO)).isEqualTo(2);
	}

	@Test
	void aBearerRequestCreatesNoSessionAndItsCookiesAloneAreNotSignedIn() {
		Visitor client = api();
		HttpResponse<String> answer = client.get("/api/me", bearer(this.hitKey.accessToken(this.ada)));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
		assertTurnedAway(client.get("/api/me", JSON));
	}

	@Test
	void aBearerRequestChangesDataWithoutCsrfToken() {
		HttpResponse<String> answer = api().post("/api/notes", "hello",
				bearer(this.hitKey.accessToken(this.ada)));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains(this.ada.sub().toString());
	}

	static void assertInvalidToken(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
		assertThat(answer.headers().firstValue("Location")).isEmpty();
	}

	Visitor api() {
		return new Visitor(this.application.port());
	}

	String url(String path) {
		return "http://localhost:" + this.application.port() + path;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Map<String, String> bearer(String token) {
		return Map.of("Accept", "application/json", "Authorization", "Bearer " + token);
	}

}
