package io.hitkey.spring.starter.bearer;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.hitkey.spring.starter.failures.Visitor;
import io.hitkey.spring.starter.failures.Visitor.Journey;
import io.hitkey.spring.test.FakeHitKey;
import io.hitkey.spring.test.FakeHitKeyUser;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HitKey's API calls in Boot's {@code http.client.requests}, with Actuator on the class
 * path: sign-ins, a refresh and Bearer token checks, each named by HitKey's host and
 * endpoint, and no meter anywhere that carries a code, a token, the client secret or who
 * the user is.
 */
@Tag("bearer-tokens")
@TestInstance(Lifecycle.PER_CLASS)
abstract class ApiCallMetricsTests {

	private final FakeHitKey hitKey = FakeHitKey.builder().build().start();

	private final WebApplicationType stack;

	private BearerApplication application;

	ApiCallMetricsTests(WebApplicationType stack) {
		this.stack = stack;
	}

	@BeforeAll
	void startApplication() {
		this.application = BearerApplication.start(this.stack, true, this.hitKey, Tokens.class);
	}

	@AfterAll
	void stopApplication() {
		this.application.close();
		this.hitKey.close();
	}

	@Test
	void signInRefreshAndBearerTokenCallsAreTimedByHitKeysHostAndEndpointAndNoMeterCarriesASecret() {
		FakeHitKeyUser ada = this.hitKey.users().get(0);
		FakeHitKeyUser grace = this.hitKey.users().get(1);
		List<String> secrets = new ArrayList<>(List.of(this.hitKey.clientSecret()));

		this.hitKey.autoApprove(ada);
		Journey signIn = new Visitor(this.application.port()).browse("/api/tokens");
		assertThat(signIn.page().statusCode()).isEqualTo(200);
		secrets.add(code(signIn));
		secrets.addAll(tokens(signIn.page()));

		// Within Spring Security's 60 s clock skew: the first use of the token refreshes it.
		this.hitKey.accessTokenLifetime(Duration.ofSeconds(30));
		this.hitKey.autoApprove(grace);
		Visitor refreshing = new Visitor(this.application.port());
		Journey secondSignIn = refreshing.browse("/api/me");
		assertThat(secondSignIn.page().statusCode()).isEqualTo(200);
		secrets.add(code(secondSignIn));
		this.hitKey.accessTokenLifetime(Duration.ofHours(1));
		HttpResponse<String> refreshed = refreshing.get("/api/tokens", BearerTokenTests.JSON);
		assertThat(refreshed.statusCode()).isEqualTo(200);
		secrets.addAll(tokens(refreshed));
		assertThat(this.hitKey.tokenCalls("refresh_token")).isEqualTo(1);

		String bearerToken = this.hitKey.accessToken(ada);
		secrets.add(bearerToken);
		HttpResponse<String> bearer = new Visitor(this.application.port()).get("/api/me",
				BearerTokenTests.bearer(bearerToken));
		assertThat(bearer.statusCode()).isEqualTo(200);
		String unknownToken = "hkat_never-issued-" + System.nanoTime();
		secrets.add(unknownToken);
		assertThat(new Visitor(this.application.port()).get("/api/me", BearerTokenTests.bearer(unknownToken))
			.statusCode()).isEqualTo(401);
		for (FakeHitKeyUser user : List.of(ada, grace)) {
			secrets.add(user.sub().toString());
			secrets.add(user.email());
		}

		MeterRegistry registry = this.application.context().getBean(MeterRegistry.class);
		String host = URI.create(this.hitKey.apiUrl()).getHost();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(calls(registry)).containsExactlyInAnyOrder(
					"client.name=" + host + " method=GET outcome=SUCCESS status=200 uri=/oauth/userinfo count=3",
					"client.name=" + host + " method=GET outcome=CLIENT_ERROR status=401 uri=/oauth/userinfo count=1",
					"client.name=" + host + " method=POST outcome=SUCCESS status=200 uri=/oauth/token count=3"));
		assertThat(tagValues(registry)).allSatisfy((value) -> assertThat(secrets).noneMatch(value::contains));
	}

	private static String code(Journey signIn) {
		return signIn.hops()
			.stream()
			.map(HttpResponse::uri)
			.filter((url) -> url.getPath().startsWith("/login/oauth2/code/"))
			.map((url) -> UriComponentsBuilder.fromUri(url).build().getQueryParams().getFirst("code"))
			.findFirst()
			.orElseThrow();
	}

	private static List<String> tokens(HttpResponse<String> answer) {
		JsonNode tokens = JsonMapper.shared().readTree(answer.body());
		return List.of(tokens.get("accessToken").asString(), tokens.get("refreshToken").asString());
	}

	/**
	 * Describe each {@code http.client.requests} timer by its tags and its count, leaving
	 * out the names of exceptions, which differ between the stacks.
	 */
	private static Set<String> calls(MeterRegistry registry) {
		Set<String> calls = new TreeSet<>();
		for (Timer timer : registry.find("http.client.requests").timers()) {
			StringBuilder call = new StringBuilder();
			timer.getId()
				.getTags()
				.stream()
				.filter((tag) -> !tag.getKey().equals("exception") && !tag.getKey().equals("error"))
				.forEach((tag) -> call.append(tag.getKey()).append('=').append(tag.getValue()).append(' '));
			calls.add(call.append("count=").append(timer.count()).toString());
		}
		return calls;
	}

	private static Set<String> tagValues(MeterRegistry registry) {
		Set<String> values = new TreeSet<>();
		for (Meter meter : registry.getMeters()) {
			values.add(meter.getId().getName());
			meter.getId().getTags().forEach((tag) -> values.add(tag.getValue()));
		}
		return values;
	}

	/**
	 * The tokens the application holds for the signed-in user, refreshed on the way when
	 * the access token expired.
	 */
	@RestController
	static class Tokens {

		@GetMapping("/api/tokens")
		Map<String, String> tokens(@RegisteredOAuth2AuthorizedClient("hitkey") OAuth2AuthorizedClient client) {
			return Map.of("accessToken", client.getAccessToken().getTokenValue(), "refreshToken",
					client.getRefreshToken().getTokenValue());
		}

	}

}
