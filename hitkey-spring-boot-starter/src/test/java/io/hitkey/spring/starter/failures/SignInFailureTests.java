package io.hitkey.spring.starter.failures;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import io.hitkey.spring.starter.failures.Visitor.Journey;
import io.hitkey.spring.test.AutoConfigureFakeHitKey;
import io.hitkey.spring.test.FakeHitKey.Endpoint;
import io.hitkey.spring.test.FakeHitKeyFault;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * Every HitKey fault during sign-in, and every tampered callback, ends on the login
 * error page within the configured timeout, as a browser sees it: no loop, no session
 * signed in, nothing leaks, and the application goes on serving. Here with the
 * starter's default chain; subclasses run the same journeys through chains of the
 * application's own.
 */
@SpringBootTest(classes = FailureTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hitkey.read-timeout=1s", "hitkey.connect-timeout=1s" })
@AutoConfigureFakeHitKey
@ExtendWith(OutputCaptureExtension.class)
class SignInFailureTests extends FailureTestSupport {

	private static final String HTML = "text/html";

	private static final String JSON = "application/json";

	private static final Duration WITHIN_TIMEOUT = Duration.ofMillis(4_000);

	static Stream<Arguments> tokenFaults() {
		return Stream.of(
				fault("400 Invalid or expired authorization code",
						FakeHitKeyFault.error(400, "Invalid or expired authorization code"),
						"invalid_grant: Invalid or expired authorization code"),
				fault("400 Invalid client_id", FakeHitKeyFault.error(400, "Invalid client_id"),
						"invalid_client: Invalid client_id"),
				fault("400 redirect_uri doesn't match", FakeHitKeyFault.error(400, "redirect_uri doesn't match"),
						"invalid_grant: redirect_uri doesn't match"),
				fault("401", FakeHitKeyFault.error(401, "Unauthorized"), "invalid_token: Unauthorized"),
				fault("429 with Retry-After", FakeHitKeyFault.error(429, "Too many requests").withHeader("Retry-After", "60"),
						"temporarily_unavailable: Too many requests"),
				fault("500", FakeHitKeyFault.error(500, "Internal server error"), "server_error: Internal server error"),
				fault("502 with an HTML body",
						FakeHitKeyFault.status(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", HTML),
						"server_error: HitKey answered HTTP 502"),
				fault("malformed JSON", FakeHitKeyFault.status(200, "{\"access_token\": \"at\", ", JSON),
						"invalid_token_response"),
				fault("JSON without access_token",
						FakeHitKeyFault.status(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600}", JSON),
						"invalid_token_response"),
				fault("JSON that is not an object", FakeHitKeyFault.status(200, "[\"at\"]", JSON),
						"invalid_token_response"),
				fault("HTML instead of JSON", FakeHitKeyFault.status(200, "<html>maintenance</html>", HTML),
						"invalid_token_response"),
				fault("empty 200", FakeHitKeyFault.status(200, "", JSON), "invalid_token_response"),
				fault("302 to another host", FakeHitKeyFault.status(302, "", HTML)
					.withHeader("Location", "https://elsewhere.example.com/"), "HitKey answered HTTP 302"),
				fault("connection reset", FakeHitKeyFault.dropConnection(), "invalid_token_response"),
				fault("read timeout", FakeHitKeyFault.delay(Duration.ofSeconds(4)), "invalid_token_response"),
				fault("slow trickle", FakeHitKeyFault.trickle(200,
						"{\"access_token\":\"at-trickled\",\"token_type\":\"Bearer\",\"expires_in\":3600}", JSON,
						Duration.ofMillis(100)), "invalid_token_response"));
	}

	static Stream<Arguments> userinfoFaults() {
		String sub = "\"sub\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\"";
		return Stream.of(
				fault("401", FakeHitKeyFault.error(401, "Invalid or expired access token"),
						"Invalid or expired access token"),
				fault("503", FakeHitKeyFault.error(503, "Maintenance"), "Maintenance"),
				fault("missing sub", FakeHitKeyFault.status(200, "{\"name\":\"No Sub\"}", JSON),
						"HitKey claim 'sub' is missing"),
				fault("sub not a UUID", FakeHitKeyFault.status(200, "{\"sub\":\"12345\",\"id\":\"12345\"}", JSON),
						"HitKey claim 'sub' is not a UUID"),
				fault("sub differs from id",
						FakeHitKeyFault.status(200, "{" + sub + ",\"id\":\"00000000-0000-4000-8000-000000000009\"}",
								JSON),
						"HitKey claim 'id' does not match claim 'sub'"),
				fault("project not an object", FakeHitKeyFault.status(200, "{" + sub + ",\"project\":\"admin\"}", JSON),
						"HitKey claim 'project' is not an object"),
				fault("huge body", FakeHitKeyFault.status(200, "{" + sub + ",\"padding\":\"" + "x".repeat(400_000) + "\"}",
						JSON), "invalid_user_info_response"),
				fault("read timeout", FakeHitKeyFault.delay(Duration.ofSeconds(4)), "invalid_user_info_response"),
				fault("empty 200", FakeHitKeyFault.status(200, "", JSON), "HitKey userinfo answer is empty"),
				fault("302 to another host", FakeHitKeyFault.status(302, "", HTML)
					.withHeader("Location", "https://elsewhere.example.com/"), "HitKey answered HTTP 302"));
	}

	private static Arguments fault(String name, FakeHitKeyFault fault, String logged) {
		return Arguments.of(Named.of(name, fault), logged);
	}

	@ParameterizedTest(name = "token endpoint: {0}")
	@MethodSource("tokenFaults")
	void tokenEndpointFaultEndsOnTheLoginErrorPage(FakeHitKeyFault fault, String logged, CapturedOutput output) {
		this.hitKey.failNext(Endpoint.TOKEN, 2, fault);

		Journey journey = timedSignIn();

		assertFailedCleanly(journey);
		assertThat(this.hitKey.calls(Endpoint.TOKEN)).isEqualTo(1);
		assertThat(this.hitKey.calls(Endpoint.USERINFO)).isZero();
		assertLogged(output, logged);
		assertNoSecretIn(output.toString());
		assertTheApplicationStillSignsUsersIn();
	}

	@ParameterizedTest(name = "userinfo: {0}")
	@MethodSource("userinfoFaults")
	void userinfoFaultEndsOnTheLoginErrorPage(FakeHitKeyFault fault, String logged, CapturedOutput output) {
		this.hitKey.failNext(Endpoint.USERINFO, 2, fault);

		Journey journey = timedSignIn();

		assertFailedCleanly(journey);
		assertThat(this.hitKey.calls(Endpoint.TOKEN)).isEqualTo(1);
		assertThat(this.hitKey.calls(Endpoint.USERINFO)).isEqualTo(1);
		assertLogged(output, logged);
		assertTheApplicationStillSignsUsersIn();
	}

	@Test
	void tokenResponseWithoutTokenTypeOrExpiresInIsNormalized(CapturedOutput output) {
		this.hitKey.failNext(Endpoint.TOKEN, 1, FakeHitKeyFault.status(200,
				"{\"access_token\":\"at-normalized\",\"refresh_token\":\"rt-normalized\",\"scope\":\"openid profile email\"}",
				JSON));
		this.hitKey.failNext(Endpoint.USERINFO, 1, FakeHitKeyFault.status(200,
				"{\"sub\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\",\"name\":\"Normal Ized\"}", JSON));

		Journey journey = this.browser.browse("/me");

		assertThat(journey.redirects()).as(journey.toString()).isEqualTo(SIGN_IN_REDIRECTS);
		assertThat(journey.page().statusCode()).isEqualTo(200);
		assertThat(journey.page().uri().getPath()).isEqualTo("/me");
		assertThat(output).contains("HitKey's token response has no token_type: assuming Bearer")
			.contains("HitKey's token response has no expires_in: assuming 3600 seconds");
		assertThat(this.browser.get("/me", Map.of("Accept", JSON)).statusCode()).isEqualTo(200);
		assertThat(this.browser.get("/token", Map.of("Accept", JSON)).body()).contains("alized");
		assertThat(this.hitKey.tokenCalls("refresh_token")).isZero();
	}

	@ParameterizedTest(name = "expires_in {0}")
	@ValueSource(strings = { "\"soon\"", "-5", "0.5", "1e300", "9223372036854775807" })
	void unusableExpiresInSignsInForAnHourWithOneWarning(String expiresIn, CapturedOutput output) {
		this.hitKey.failNext(Endpoint.TOKEN, 1, FakeHitKeyFault.status(200,
				"{\"access_token\":\"at-odd\",\"refresh_token\":\"rt-odd\",\"token_type\":\"Bearer\",\"expires_in\":"
						+ expiresIn + ",\"scope\":\"openid profile email\"}",
				JSON));
		this.hitKey.failNext(Endpoint.USERINFO, 1, FakeHitKeyFault.status(200,
				"{\"sub\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\",\"name\":\"Odd Expiry\"}", JSON));

		Journey journey = this.browser.browse("/me");

		assertThat(journey.redirects()).as(journey.toString()).isEqualTo(SIGN_IN_REDIRECTS);
		assertThat(journey.page().statusCode()).isEqualTo(200);
		assertThat(journey.page().uri().getPath()).isEqualTo("/me");
		assertThat(output.toString().split("assuming 3600 seconds", -1)).hasSize(2);
		for (int i = 0; i < 3; i++) {
			assertThat(this.browser.get("/token", Map.of("Accept", JSON)).body()).contains("at-odd");
		}
		assertThat(this.hitKey.tokenCalls("refresh_token")).isZero();
	}

	@Test
	void missingCodeFails() {
		URI authorize = startSignIn();
		assertFailedCleanly(this.browser.browse(redirectUri(authorize) + "?state=" + state(authorize)));
	}

	@Test
	void missingStateFails() {
		URI authorize = startSignIn();
		String code = code(this.browser.get(authorize.toString()));
		assertFailedCleanly(this.browser.browse(redirectUri(authorize) + "?code=" + code));
		assertThat(this.hitKey.calls(Endpoint.TOKEN)).isZero();
	}

	@Test
	void forgedStateFails() {
		URI authorize = startSignIn();
		String code = code(this.browser.get(authorize.toString()));
		assertFailedCleanly(this.browser.browse(redirectUri(authorize) + "?code=" + code + "&state=forged-state"));
		assertThat(this.hitKey.calls(Endpoint.TOKEN)).isZero();
	}

	@Test
	void stateFromAnotherSessionFails() {
		Visitor attacker = new Visitor(this.port);
		attacker.get("/me");
		URI attackersRequest = URI.create(Visitor.location(attacker.get("/oauth2/authorization/hitkey")));
		String attackersCode = code(attacker.get(attackersRequest.toString()));
		startSignIn();

		assertFailedCleanly(this.browser.browse(redirectUri(attackersRequest) + "?code=" + attackersCode + "&state="
				+ state(attackersRequest)));
		assertThat(this.hitKey.calls(Endpoint.TOKEN)).isZero();
	}

	@Test
	void userRefusingAtHitKeyFails(CapturedOutput output) {
		URI authorize = startSignIn();
		assertFailedCleanly(this.browser
			.browse(redirectUri(authorize) + "?error=access_denied&state=" + state(authorize)));
		assertLogged(output, "access_denied");
		assertThat(this.hitKey.calls(Endpoint.TOKEN)).isZero();
	}

	@Test
	void errorDescriptionCannotForgeALogLine(CapturedOutput output) {
		URI authorize = startSignIn();

		assertFailedCleanly(this.browser.browse(redirectUri(authorize)
				+ "?error=access_denied&error_description=x%0d%0aFAKE%20LINE%0aERROR%20forged&state=" + state(authorize)));

		assertThat(output.toString().lines()).noneMatch((line) -> line.startsWith("FAKE LINE"))
			.noneMatch((line) -> line.startsWith("ERROR forged"));
		if (logsFailures()) {
			assertThat(output.toString().lines().filter((line) -> line.contains("HitKey sign-in failed")))
				.singleElement(STRING)
				.contains("access_denied: x  FAKE LINE ERROR forged");
		}
	}

	@Test
	void replayedCodeFails() {
		URI first = startSignIn();
		String code = code(this.browser.get(first.toString()));
		Journey signedIn = this.browser.browse(redirectUri(first) + "?code=" + code + "&state=" + state(first));
		assertThat(signedIn.page().uri().getPath()).isEqualTo("/me");

		Visitor replayer = new Visitor(this.port);
		replayer.get("/me");
		URI second = URI.create(Visitor.location(replayer.get("/oauth2/authorization/hitkey")));
		this.browser = replayer;
		assertFailedCleanly(replayer.browse(redirectUri(second) + "?code=" + code + "&state=" + state(second)));
	}

	@Test
	void oversizedParametersFail() {
		URI authorize = startSignIn();
		assertFailedCleanly(
				this.browser.browse(redirectUri(authorize) + "?code=" + "A".repeat(4_000) + "&state=" + state(authorize)));
	}

	@Test
	void garbageParametersFailWithoutBeingReflected() {
		URI authorize = startSignIn();
		String garbage = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
		HttpResponse<String> page = assertFailedCleanly(this.browser
			.browse(redirectUri(authorize) + "?code=" + garbage + "&state=" + state(authorize) + "&iss=" + garbage));
		assertThat(page.body()).doesNotContain("<script>");
	}

	@Test
	void undecodableParametersRestartTheSignInInsteadOfFailing() {
		URI authorize = startSignIn();

		Journey journey = this.browser.browse(redirectUri(authorize) + "?code=%FF%FE%00&state=" + state(authorize));

		assertThat(journey.hops().get(1).uri().getPath()).isEqualTo("/oauth2/authorization/hitkey");
		assertRenderedPage(journey.page());
		assertThat(this.hitKey.calls(Endpoint.AUTHORIZE)).isEqualTo(1);
		assertThat(this.hitKey.calls(Endpoint.TOKEN)).isEqualTo(1);
	}

	@Test
	void failurePageIsAPageOnceSignedIn() {
		assertThat(this.browser.browse("/me").page().statusCode()).isEqualTo(200);

		Journey journey = this.browser.browse(failureUrl());

		assertThat(journey.redirects()).as(journey.toString()).isZero();
		assertThat(journey.page().statusCode()).isEqualTo(200);
		assertFailurePage(journey.page());
		assertThat(this.hitKey.calls(Endpoint.AUTHORIZE)).isEqualTo(1);
	}

	/**
	 * Return where a failed sign-in ends.
	 */
	String failureUrl() {
		return "/login?error";
	}

	/**
	 * Assert that the given page is the chain's failure page.
	 */
	void assertFailurePage(HttpResponse<String> page) {
		assertThat(page.body()).contains("Login with OAuth 2.0");
	}

	/**
	 * Return whether the chain logs each failed sign-in in one line.
	 */
	boolean logsFailures() {
		return true;
	}

	private void assertLogged(CapturedOutput output, String logged) {
		if (logsFailures()) {
			assertThat(output).contains("HitKey sign-in failed: ").contains(logged);
		}
	}

	/**
	 * Sign in from a protected page, as a browser, bounded by the configured timeouts.
	 */
	private Journey timedSignIn() {
		long start = System.nanoTime();
		Journey journey = this.browser.browse("/me");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WITHIN_TIMEOUT);
		assertThat(journey.hops().get(2).uri().getPort()).as("HitKey's authorize page").isEqualTo(this.hitKey.port());
		assertThat(this.hitKey.calls(Endpoint.AUTHORIZE)).isEqualTo(1);
		return journey;
	}

	private URI startSignIn() {
		HttpResponse<String> protectedPage = this.browser.get("/me");
		assertThat(protectedPage.statusCode()).isEqualTo(302);
		HttpResponse<String> toHitKey = this.browser.get(Visitor.location(protectedPage));
		assertThat(toHitKey.statusCode()).isEqualTo(302);
		return URI.create(Visitor.location(toHitKey));
	}

	/**
	 * Assert that the journey ended on the failure page straight from HitKey's callback,
	 * with nobody signed in.
	 */
	private HttpResponse<String> assertFailedCleanly(Journey journey) {
		assertThat(journey.hops().get(journey.redirects() - 1).uri().getPath()).as(journey.toString())
			.isEqualTo(callbackPath());
		HttpResponse<String> page = journey.page();
		assertThat(page.uri().getPath() + ((page.uri().getRawQuery() != null) ? "?" + page.uri().getRawQuery() : ""))
			.as(journey.toString())
			.isEqualTo(failureUrl());
		assertThat(page.statusCode()).isEqualTo(200);
		assertRenderedPage(page);
		assertFailurePage(page);
		assertThat(page.body()).doesNotContain(this.hitKey.clientSecret());
		HttpResponse<String> api = this.browser.get("/me", Map.of("Accept", JSON));
		assertThat(api.statusCode()).as("signed in after a failed sign-in").isIn(302, 401);
		assertThat(this.browser.get("/me").statusCode()).as("signed in after a failed sign-in").isEqualTo(302);
		return page;
	}

	String callbackPath() {
		return "/login/oauth2/code/hitkey";
	}

	private void assertTheApplicationStillSignsUsersIn() {
		this.hitKey.reset();
		Visitor next = new Visitor(this.port);
		Journey journey = next.browse("/me");
		assertThat(journey.redirects()).as(journey.toString()).isEqualTo(SIGN_IN_REDIRECTS);
		assertThat(journey.page().statusCode()).isEqualTo(200);
		assertThat(journey.page().body()).contains(this.hitKey.users().get(0).sub().toString());
		assertThat(this.hitKey.calls(Endpoint.TOKEN)).isEqualTo(1);
	}

	private void assertNoSecretIn(String text) {
		assertThat(text).doesNotContain(this.hitKey.clientSecret()).doesNotContain("hkat_").doesNotContain("hkrt_");
	}

	private static String redirectUri(URI authorize) {
		return query(authorize, "redirect_uri");
	}

	private static String state(URI authorize) {
		return query(authorize, "state");
	}

	private static String code(HttpResponse<String> approved) {
		return query(URI.create(Visitor.location(approved)), "code");
	}

	private static String query(URI uri, String name) {
		for (String pair : uri.getRawQuery().split("&")) {
			if (pair.startsWith(name + "=")) {
				return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
			}
		}
		throw new IllegalArgumentException("No " + name + " in " + uri);
	}

}
