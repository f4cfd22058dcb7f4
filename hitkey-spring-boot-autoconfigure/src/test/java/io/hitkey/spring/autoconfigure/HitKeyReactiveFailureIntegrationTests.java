package io.hitkey.spring.autoconfigure;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.hitkey.spring.autoconfigure.HopByHopBrowser.Visit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.hitkey.spring.autoconfigure.HopByHopBrowser.HTML;
import static io.hitkey.spring.autoconfigure.HopByHopBrowser.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser and an API client experience on WebFlux with the starter's default
 * filter chain when a sign-in fails or a refresh of the access token fails: every visit
 * ends on a page of the application, without a loop, a 500 or a secret in the log.
 */
@SpringBootTest(classes = ReactiveSignInTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "hitkey.scopes=profile,email,project:read",
				"hitkey.read-timeout=700ms" })
@ExtendWith(OutputCaptureExtension.class)
class HitKeyReactiveFailureIntegrationTests extends HitKeyStandInTestSupport {

	static final String CHALLENGE = "HitKey realm=\"hitkey\", sign_in=\"/oauth2/authorization/hitkey\"";

	static final String SIGN_IN_BODY = "{\"error\":\"unauthorized\",\"sign_in\":\"/oauth2/authorization/hitkey\"}";

	HopByHopBrowser visitor;

	@BeforeEach
	void newVisitor() {
		this.visitor = new HopByHopBrowser(this.port);
	}

	@Test
	void codeExchangeRefusedByHitKeyEndsOnTheLoginErrorPage(CapturedOutput output) {
		HitKeyAuthorizeStubs.approves(hitKey, "code-1");
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(HitKeyStubs.hitKeyError(400, "Invalid or expired authorization code")));

		Visit visit = this.visitor.visit("/me");

		assertEndsOnTheLoginErrorPage(visit, 4);
		assertThat(visit.paths()).containsExactly("/me", "/oauth2/authorization/hitkey", "/",
				"/login/oauth2/code/hitkey", "/login");
		assertThat(HitKeyAuthorizeStubs.visits(hitKey)).isOne();
		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
		hitKey.verify(0, getRequestedFor(urlEqualTo("/oauth/userinfo")));
		assertThat(output).contains("HitKey sign-in failed: invalid_grant: Invalid or expired authorization code")
			.doesNotContain("code-1")
			.doesNotContain(HitKeyStubs.CLIENT_SECRET);
	}

	@Test
	void userRefusingAtHitKeyEndsOnTheLoginErrorPage(CapturedOutput output) {
		HitKeyAuthorizeStubs.refuses(hitKey);

		Visit visit = this.visitor.visit("/me");

		assertEndsOnTheLoginErrorPage(visit, 4);
		assertThat(HitKeyAuthorizeStubs.visits(hitKey)).isOne();
		hitKey.verify(0, postRequestedFor(urlEqualTo("/oauth/token")));
		assertThat(output).contains("HitKey sign-in failed: access_denied");
	}

	@Test
	void forgedStateEndsOnTheLoginErrorPageWithoutCallingHitKey(CapturedOutput output) {
		HitKeyAuthorizeStubs.waits(hitKey);
		Visit toHitKey = this.visitor.visit("/me");
		assertThat(toHitKey.page().body()).isEqualTo(HitKeyAuthorizeStubs.PAGE);
		URI authorize = toHitKey.page().uri();

		Visit visit = this.visitor.follow(this.visitor
			.get(SignInClient.query(authorize).get("redirect_uri") + "?code=code-1&state=forged-state", HTML));

		assertEndsOnTheLoginErrorPage(visit, 1);
		assertThat(HitKeyAuthorizeStubs.visits(hitKey)).isOne();
		hitKey.verify(0, postRequestedFor(urlEqualTo("/oauth/token")));
		assertThat(output).contains("HitKey sign-in failed: authorization_request_not_found");
	}

	@Test
	void callbackWithoutStateOrCodeEndsOnTheLoginErrorPageWithoutCallingHitKey() {
		HitKeyAuthorizeStubs.waits(hitKey);
		URI authorize = this.visitor.visit("/me").page().uri();
		String redirectUri = SignInClient.query(authorize).get("redirect_uri");

		assertEndsOnTheLoginErrorPage(this.visitor.follow(this.visitor.get(redirectUri + "?code=code-1", HTML)), 1);
		assertEndsOnTheLoginErrorPage(this.visitor.follow(
				this.visitor.get(redirectUri + "?state=" + SignInClient.query(authorize).get("state"), HTML)), 1);
		hitKey.verify(0, postRequestedFor(urlEqualTo("/oauth/token")));
	}

	@Test
	void replayedCodeEndsOnTheLoginErrorPage() {
		HitKeyAuthorizeStubs.approves(hitKey, "code-1");
		HitKeyStubs.stubSuccessfulSignIn(hitKey);
		Visit signIn = this.visitor.visit("/me");
		signIn.assertEndsOnApplicationPage(this.visitor.origin(), 200, 4);
		String callback = signIn.answers().get(3).uri().toString();
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(HitKeyStubs.hitKeyError(400, "Invalid or expired authorization code")));
		HopByHopBrowser replayer = new HopByHopBrowser(this.port);
		HitKeyAuthorizeStubs.waits(hitKey);
		URI authorize = replayer.visit("/me").page().uri();
		String replayed = callback.replaceFirst("state=[^&]*",
				"state=" + URLEncoder.encode(SignInClient.query(authorize).get("state"), StandardCharsets.UTF_8));
		this.visitor = replayer;

		assertEndsOnTheLoginErrorPage(replayer.follow(replayer.get(replayed, HTML)), 1);
		hitKey.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
	}

	@Test
	void garbageCallbackParametersEndOnTheLoginErrorPageWithoutBeingReflected() {
		HitKeyAuthorizeStubs.waits(hitKey);
		URI authorize = this.visitor.visit("/me").page().uri();
		String garbage = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(HitKeyStubs.hitKeyError(400, "Invalid or expired authorization code")));

		Visit visit = this.visitor.follow(this.visitor.get(SignInClient.query(authorize).get("redirect_uri") + "?code="
				+ garbage + "&state=" + SignInClient.query(authorize).get("state") + "&iss=" + garbage, HTML));

		assertEndsOnTheLoginErrorPage(visit, 1);
		assertThat(visit.page().body()).doesNotContain("<script>");
	}

	@Test
	void oversizedCallbackParametersEndOnTheLoginErrorPage() {
		HitKeyAuthorizeStubs.waits(hitKey);
		URI authorize = this.visitor.visit("/me").page().uri();
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(HitKeyStubs.hitKeyError(400, "Invalid or expired authorization code")));

		Visit visit = this.visitor.follow(this.visitor.get(SignInClient.query(authorize).get("redirect_uri") + "?code="
				+ "A".repeat(4_000) + "&state=" + SignInClient.query(authorize).get("state"), HTML));

		assertEndsOnTheLoginErrorPage(visit, 1);
	}

	@Test
	void sessionIdChangesAtSignIn() {
		HitKeyAuthorizeStubs.waits(hitKey);
		URI authorize = this.visitor.visit("/me").page().uri();
		String before = this.visitor.sessionId().orElseThrow();
		HitKeyStubs.stubSuccessfulSignIn(hitKey);

		Visit visit = this.visitor.follow(this.visitor.get(SignInClient.query(authorize).get("redirect_uri")
				+ "?code=code-1&state=" + SignInClient.query(authorize).get("state"), HTML));

		visit.assertEndsOnApplicationPage(this.visitor.origin(), 200, 1);
		assertThat(this.visitor.sessionId()).isPresent().get().isNotEqualTo(before);
	}

	@Test
	void failureReportedInTheCallbackCannotForgeALogLine(CapturedOutput output) {
		HitKeyAuthorizeStubs.waits(hitKey);
		URI authorize = this.visitor.visit("/me").page().uri();
		String forged = URLEncoder.encode("Denied\r\n2026-01-01 WARN FORGED-LINE", StandardCharsets.UTF_8);
		// Spring Security's own DEBUG lines carry the description as it came (other test
		// classes of this JVM turn them on): this test is about the starter's line.
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		LoggerConfiguration security = logging.getLoggerConfiguration("org.springframework.security");
		logging.setLogLevel("org.springframework.security", LogLevel.INFO);
		try {
			Visit visit = this.visitor.follow(this.visitor.get(SignInClient.query(authorize).get("redirect_uri")
					+ "?error=access_denied&error_description=" + forged + "&state="
					+ SignInClient.query(authorize).get("state"), HTML));

			assertEndsOnTheLoginErrorPage(visit, 1);
		}
		finally {
			logging.setLogLevel("org.springframework.security",
					(security != null) ? security.getConfiguredLevel() : null);
		}
		assertThat(output).contains("HitKey sign-in failed: access_denied: Denied  2026-01-01 WARN FORGED-LINE");
		assertThat(output.toString().lines()).noneMatch((line) -> line.startsWith("2026-01-01 WARN FORGED-LINE"));
	}

	@Test
	void loginErrorPageRendersForASignedInUserToo() {
		HitKeyAuthorizeStubs.approves(hitKey, "code-1");
		HitKeyStubs.stubSuccessfulSignIn(hitKey);
		this.visitor.visit("/me").assertEndsOnApplicationPage(this.visitor.origin(), 200, 4);

		Visit visit = this.visitor.visit("/login?error");

		visit.assertEndsOnApplicationPage(this.visitor.origin(), 200, 0);
		assertThat(this.visitor.get("/me", JSON).statusCode()).isEqualTo(200);
	}

	@Test
	void signingOutEndsOnTheLoginPageNotInANewSignIn() {
		HitKeyAuthorizeStubs.approves(hitKey, "code-1");
		HitKeyStubs.stubSuccessfulSignIn(hitKey);
		this.visitor.visit("/me").assertEndsOnApplicationPage(this.visitor.origin(), 200, 4);
		String csrf = this.visitor.get("/csrf", "text/plain").body();

		Visit visit = this.visitor.follow(this.visitor.post("/logout", Map.of("_csrf", csrf)));

		HttpResponse<String> page = visit.assertEndsOnApplicationPage(this.visitor.origin(), 200, 1);
		assertThat(page.uri().getQuery()).isEqualTo("logout");
		assertThat(page.body()).contains("Login with OAuth 2.0").contains("href=\"/oauth2/authorization/hitkey\"");
		assertThat(HitKeyAuthorizeStubs.visits(hitKey)).isOne();
		assertThat(this.visitor.get("/me", JSON).statusCode()).isEqualTo(401);
	}

	@Test
	void refusedRefreshSignsTheBrowserOutAndBackInOnThePageItAskedFor(CapturedOutput output) {
		signInWithAnExpiringToken();
		String session = this.visitor.sessionId().orElseThrow();
		hitKey.stubFor(HitKeyStubs.tokenRequest("refresh_token")
			.willReturn(HitKeyStubs.hitKeyError(400, "Invalid or expired refresh token")));

		Visit visit = this.visitor.visit("/token");

		HttpResponse<String> page = visit.assertEndsOnApplicationPage(this.visitor.origin(), 200, 3);
		assertThat(visit.paths()).containsExactly("/token", "/", "/login/oauth2/code/hitkey", "/token");
		assertThat(page.body()).isEqualTo("at-2");
		assertThat(this.visitor.sessionId()).isPresent().get().isNotEqualTo(session);
		assertThat(HitKeyAuthorizeStubs.visits(hitKey)).isEqualTo(2);
		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token"))
			.withRequestBody(matchingJsonPath("$.grant_type", equalTo("refresh_token"))));
		hitKey.verify(2, postRequestedFor(urlEqualTo("/oauth/token"))
			.withRequestBody(matchingJsonPath("$.grant_type", equalTo("authorization_code"))));
		assertThat(output)
			.contains("HitKey refused to refresh the access token (invalid_grant): the user must sign in again")
			.doesNotContain("rt-1");
	}

	@Test
	void refusedRefreshAnswersAnApiCallWith401AndSignsOut() {
		signInWithAnExpiringToken();
		hitKey.stubFor(HitKeyStubs.tokenRequest("refresh_token")
			.willReturn(HitKeyStubs.hitKeyError(400, "Invalid or expired refresh token")));

		Visit visit = this.visitor.follow(this.visitor.get("/token", JSON));

		HttpResponse<String> answer = visit.assertEndsOnApplicationPage(this.visitor.origin(), 401, 0);
		assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue(CHALLENGE);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(answer.body()).isEqualTo(SIGN_IN_BODY);
		assertThat(this.visitor.get("/me", JSON).statusCode()).isEqualTo(401);
		assertThat(HitKeyAuthorizeStubs.visits(hitKey)).isOne();
		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token"))
			.withRequestBody(matchingJsonPath("$.grant_type", equalTo("refresh_token"))));
	}

	@Test
	void hitKeyDownDuringARefreshAnswers503AndKeepsTheSession(CapturedOutput output) {
		signInWithAnExpiringToken();
		String session = this.visitor.sessionId().orElseThrow();
		hitKey.stubFor(HitKeyStubs.tokenRequest("refresh_token")
			.willReturn(HitKeyStubs.hitKeyError(500, "Internal server error")));

		Visit visit = this.visitor.visit("/token");

		HttpResponse<String> page = visit.assertEndsOnApplicationPage(this.visitor.origin(), 503, 0);
		assertThat(page.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(output).contains("HitKey could not refresh the access token (server_error): answering 503");
		assertThat(this.visitor.sessionId()).hasValue(session);
		assertThat(this.visitor.get("/me", JSON).statusCode()).isEqualTo(200);
		hitKey.stubFor(HitKeyStubs.tokenRequest("refresh_token")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-refreshed", "rt-1", 3600))));
		assertThat(this.visitor.get("/token", HTML).body()).isEqualTo("at-refreshed");
		assertThat(HitKeyAuthorizeStubs.visits(hitKey)).isOne();
		hitKey.verify(2, postRequestedFor(urlEqualTo("/oauth/token"))
			.withRequestBody(matchingJsonPath("$.grant_type", equalTo("refresh_token"))));
	}

	@Test
	void hitKeySlowerThanTheReadTimeoutDuringARefreshAnswers503() {
		signInWithAnExpiringToken();
		hitKey.stubFor(HitKeyStubs.tokenRequest("refresh_token")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-late", "rt-1", 3600)).withFixedDelay(3_000)));

		HttpResponse<String> answer = this.visitor.follow(this.visitor.get("/token", JSON))
			.assertEndsOnApplicationPage(this.visitor.origin(), 503, 0);

		assertThat(answer.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(answer.body()).doesNotContain("at-late").doesNotContain(hitKey.baseUrl());
		assertThat(this.visitor.get("/me", JSON).statusCode()).isEqualTo(200);
	}

	@Test
	void undecodableCallbackParametersEndCleanly() {
		HitKeyAuthorizeStubs.waits(hitKey);
		URI authorize = this.visitor.visit("/me").page().uri();
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(HitKeyStubs.hitKeyError(400, "Invalid or expired authorization code")));

		Visit visit = this.visitor.follow(this.visitor.get(SignInClient.query(authorize).get("redirect_uri")
				+ "?code=%FF%FE%00&state=" + SignInClient.query(authorize).get("state"), HTML));

		// WebFlux decodes them with replacement characters, a code HitKey refuses.
		assertEndsOnTheLoginErrorPage(visit, 1);
		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
	}

	@Test
	void apiRequestsWithoutASessionGet401WithTheHitKeyChallenge() {
		for (Map<String, String> headers : new Map[] { Map.of("Accept", JSON), Map.of("Accept", "*/*"),
				Map.of("Accept", "text/html;q=0, application/json"),
				Map.of("Accept", HTML, "X-Requested-With", "xmlhttprequest") }) {
			Visit visit = this.visitor.follow(this.visitor.get("/me", headers));

			HttpResponse<String> answer = visit.assertEndsOnApplicationPage(this.visitor.origin(), 401, 0);
			assertThat(answer.headers().firstValue("WWW-Authenticate")).as("%s", headers).hasValue(CHALLENGE);
			assertThat(answer.headers().firstValue("Content-Type")).as("%s", headers).hasValue("application/json");
			assertThat(answer.body()).as("%s", headers).isEqualTo(SIGN_IN_BODY);
		}
		assertThat(HitKeyAuthorizeStubs.visits(hitKey)).isZero();
	}

	/**
	 * Sign in with an access token that needs a refresh. Tokens differ from test to test,
	 * as HitKey's do: the starter keeps recent refreshes by token.
	 */
	private void signInWithAnExpiringToken() {
		HitKeyAuthorizeStubs.approves(hitKey, "code-1", "code-2");
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.withRequestBody(matchingJsonPath("$.code", equalTo("code-1")))
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-expiring-" + UUID.randomUUID(), "rt-1", 30))));
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.withRequestBody(matchingJsonPath("$.code", equalTo("code-2")))
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-2", "rt-2", 3600))));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo")).willReturn(okJson(HitKeyStubs.USERINFO)));
		HttpResponse<String> me = this.visitor.visit("/me").assertEndsOnApplicationPage(this.visitor.origin(), 200, 4);
		assertThat(me.body()).contains(HitKeyStubs.SUB);
	}

	private void assertEndsOnTheLoginErrorPage(Visit visit, int hops) {
		HttpResponse<String> page = visit.assertEndsOnApplicationPage(this.visitor.origin(), 200, hops);
		assertThat(page.uri().getPath()).isEqualTo("/login");
		assertThat(page.uri().getQuery()).isEqualTo("error");
		assertThat(page.body()).contains("Invalid credentials").contains("href=\"/oauth2/authorization/hitkey\"");
		assertThat(this.visitor.get("/me", JSON).statusCode()).as("signed in after a failed sign-in").isEqualTo(401);
	}

}
