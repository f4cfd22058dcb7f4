package io.hitkey.spring.starter.failures;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.hitkey.spring.starter.failures.Visitor.Journey;
import io.hitkey.spring.test.AutoConfigureFakeHitKey;
import io.hitkey.spring.test.FakeHitKey;
import io.hitkey.spring.test.FakeHitKey.Endpoint;
import io.hitkey.spring.test.FakeHitKeyFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in session through HitKey's faults: refresh refused or failing, several tabs,
 * API clients, many users at once, secrets, a TLS-terminating proxy, and session hygiene.
 */
@SpringBootTest(classes = FailureTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hitkey.read-timeout=1s", "server.forward-headers-strategy=framework",
				"management.endpoints.web.exposure.include=env,configprops",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always" })
@AutoConfigureFakeHitKey
@ExtendWith(OutputCaptureExtension.class)
class SignedInSessionTests extends FailureTestSupport {

	private static final Map<String, String> API = Map.of("Accept", "application/json");

	private static final Map<String, String> XHR = Map.of("Accept", "*/*", "X-Requested-With", "XMLHttpRequest");

	@Test
	void refusedRefreshSendsABrowserToSignInAgainAndBackToItsPage(CapturedOutput output) {
		signInWithTokensThatNeedRefresh();
		this.hitKey.revokeRefreshTokens();
		this.hitKey.accessTokenLifetime(Duration.ofHours(1));

		Journey journey = this.browser.browse("/token");

		assertThat(journey.redirects()).as(journey.toString()).isEqualTo(SIGN_IN_REDIRECTS);
		assertThat(journey.hops().get(1).uri().getPath()).isEqualTo("/oauth2/authorization/hitkey");
		assertThat(journey.page().statusCode()).isEqualTo(200);
		assertThat(journey.page().uri().getPath()).isEqualTo("/token");
		assertRenderedPage(journey.page());
		assertThat(this.hitKey.tokenCalls("refresh_token")).isEqualTo(1);
		assertThat(this.hitKey.tokenCalls("authorization_code")).isEqualTo(2);
		assertThat(output).containsOnlyOnce(
				"HitKey refused to refresh the access token (invalid_grant): the user must sign in again");
	}

	@Test
	void refusedRefreshGivesAnApiClient401() {
		signInWithTokensThatNeedRefresh();
		this.hitKey.revokeRefreshTokens();

		HttpResponse<String> token = this.browser.get("/token", API);

		assertThat(token.statusCode()).isEqualTo(401);
		assertThat(token.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).startsWith("HitKey realm=\"hitkey\"").contains("/oauth2/authorization/hitkey"));
		assertThat(token.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
		assertThat(token.body()).isEqualTo(AppDefinedChainFailureTests.SIGN_IN_BODY);
		assertThat(this.browser.get("/me", API).statusCode()).as("signed out").isEqualTo(401);
	}

	@Test
	void hitKeyDownDuringRefreshAnswers503AndKeepsTheSession() {
		signInWithTokensThatNeedRefresh();
		this.hitKey.failNext(Endpoint.TOKEN, 2, FakeHitKeyFault.error(503, "Maintenance"));

		HttpResponse<String> duringOutage = this.browser.get("/token", API);
		Journey browserDuringOutage = this.browser.browse("/token");

		assertThat(duringOutage.statusCode()).isEqualTo(503);
		assertThat(duringOutage.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(duringOutage.body()).doesNotContain("Exception").doesNotContain("hkrt_");
		assertThat(browserDuringOutage.redirects()).as(browserDuringOutage.toString()).isZero();
		assertThat(browserDuringOutage.page().statusCode()).isEqualTo(503);
		assertRenderedPage(browserDuringOutage.page());
		assertThat(this.hitKey.tokenCalls("refresh_token")).as("shared with no one: one call each").isEqualTo(2);
		assertThat(this.browser.get("/me", API).statusCode()).isEqualTo(200);
		this.hitKey.accessTokenLifetime(Duration.ofHours(1));
		HttpResponse<String> afterOutage = this.browser.get("/token", API);
		assertThat(afterOutage.statusCode()).isEqualTo(200);
		assertThat(this.hitKey.tokenCalls("authorization_code")).isEqualTo(1);
	}

	@Test
	void refreshSlowerThanTheReadTimeoutAnswers503WithinTheTimeout() {
		signInWithTokensThatNeedRefresh();
		this.hitKey.failNext(Endpoint.TOKEN, 1, FakeHitKeyFault.delay(Duration.ofSeconds(4)));

		long start = System.nanoTime();
		Journey journey = this.browser.browse("/token");

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_000));
		assertThat(journey.redirects()).as(journey.toString()).isZero();
		assertThat(journey.page().statusCode()).isEqualTo(503);
		assertRenderedPage(journey.page());
		assertThat(this.browser.get("/me", API).statusCode()).isEqualTo(200);
	}

	@Test
	void signInsStartedInTwoTabsOfOneSessionBothSucceed() {
		this.browser.get("/me");
		URI firstTab = URI.create(Visitor.location(this.browser.get("/oauth2/authorization/hitkey")));
		URI secondTab = URI.create(Visitor.location(this.browser.get("/oauth2/authorization/hitkey")));
		String firstCallback = Visitor.location(this.browser.get(firstTab.toString()));
		String secondCallback = Visitor.location(this.browser.get(secondTab.toString()));

		Journey first = this.browser.browse(firstCallback);
		Journey second = this.browser.browse(secondCallback);

		assertThat(first.redirects()).as(first.toString()).isEqualTo(1);
		assertThat(first.page().statusCode()).isEqualTo(200);
		assertThat(second.redirects()).as(second.toString()).isEqualTo(1);
		assertThat(second.page().statusCode()).isEqualTo(200);
		assertThat(this.hitKey.tokenCalls("authorization_code")).isEqualTo(2);
		assertThat(this.browser.get("/me", API).statusCode()).isEqualTo(200);
	}

	@Test
	void apiRequestsWithoutASessionGet401WithAChallenge() {
		for (Map<String, String> headers : List.of(API, XHR)) {
			HttpResponse<String> response = this.browser.get("/me", headers);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
			assertThat(response.headers().firstValue("Location")).isEmpty();
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
			assertThat(response.body()).isEqualTo(AppDefinedChainFailureTests.SIGN_IN_BODY);
		}
		assertThat(this.hitKey.calls(Endpoint.AUTHORIZE)).isZero();
		Journey fromABrowser = this.browser.browse("/me");
		assertThat(fromABrowser.redirects()).as(fromABrowser.toString()).isEqualTo(SIGN_IN_REDIRECTS);
		assertThat(fromABrowser.hops().get(1).uri().getPath()).isEqualTo("/oauth2/authorization/hitkey");
		assertThat(fromABrowser.page().statusCode()).isEqualTo(200);
	}

	@Test
	void debugAndTraceLogsCarryNoSecretCodeOrToken(CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		List<String> loggers = List.of("org.springframework.security", "org.springframework.web", "io.hitkey");
		loggers.forEach((name) -> logging.setLogLevel(name, LogLevel.TRACE));
		try {
			this.hitKey.failNext(Endpoint.TOKEN, 1, FakeHitKeyFault.error(400, "Invalid or expired authorization code"));
			assertThat(this.browser.browse("/me").page().uri().getQuery()).isEqualTo("error");
			this.hitKey.failNext(Endpoint.USERINFO, 1, FakeHitKeyFault.error(401, "Invalid or expired access token"));
			Visitor other = new Visitor(this.port);
			assertThat(other.browse("/me").page().uri().getQuery()).isEqualTo("error");
			signInWithTokensThatNeedRefresh();
			this.hitKey.failNext(Endpoint.TOKEN, 1, FakeHitKeyFault.error(503, "Maintenance"));
			assertThat(this.browser.get("/token", API).statusCode()).isEqualTo(503);
			assertThat(this.browser.get("/token", API).statusCode()).isEqualTo(200);
		}
		finally {
			loggers.forEach((name) -> logging.setLogLevel(name, null));
		}
		assertThat(output).contains("/login/oauth2/code/hitkey")
			.doesNotContain(this.hitKey.clientSecret())
			.doesNotContain("hkc_")
			.doesNotContain("hkat_")
			.doesNotContain("hkrt_");
	}

	@Test
	void actuatorMasksTheClientSecretEvenWhenShowingValues() {
		this.browser.browse("/me");

		HttpResponse<String> env = this.browser.get("/actuator/env", API);
		HttpResponse<String> configprops = this.browser.get("/actuator/configprops", API);

		assertThat(env.statusCode()).isEqualTo(200);
		assertThat(env.body()).contains("hitkey.client-secret").doesNotContain(this.hitKey.clientSecret());
		assertThat(env.body()).contains(this.hitKey.clientId());
		assertThat(configprops.statusCode()).isEqualTo(200);
		assertThat(configprops.body()).contains("clientSecret").doesNotContain(this.hitKey.clientSecret());
	}

	@Test
	void toStringOfTheSignedInStateCarriesNoToken() {
		this.browser.browse("/me");

		HttpResponse<String> described = this.browser.get("/describe", Map.of("Accept", "text/plain"));

		assertThat(described.statusCode()).isEqualTo(200);
		assertThat(described.body()).contains("HitKeyUser[sub=").doesNotContain("hkat_").doesNotContain("hkrt_");
	}

	@Test
	void behindATlsTerminatingProxyTheRedirectUriIsThePublicHttpsOne() {
		HttpResponse<String> toHitKey = this.browser.get("/oauth2/authorization/hitkey",
				Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "app.example.com", "X-Forwarded-Port", "443"));

		assertThat(URLDecoder.decode(Visitor.location(toHitKey), StandardCharsets.UTF_8))
			.contains("redirect_uri=https://app.example.com/login/oauth2/code/hitkey");
	}

	@Test
	void sessionIdChangesAtSignInAndTheCookieIsHttpOnlyButNotStrict() {
		HttpResponse<String> protectedPage = this.browser.get("/me");
		String before = this.browser.sessionCookie().orElseThrow().getValue();
		String setCookie = protectedPage.headers().firstValue("Set-Cookie").orElseThrow();

		this.browser.follow(protectedPage);

		assertThat(this.browser.sessionCookie().orElseThrow().getValue()).isNotEqualTo(before);
		assertThat(setCookie).contains("HttpOnly").doesNotContainIgnoringCase("SameSite=Strict");
	}

	@Test
	void logoutEndsTheSessionAndForgetsTheTokens() {
		this.browser.browse("/me");
		assertThat(this.browser.get("/token", API).statusCode()).isEqualTo(200);
		Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"")
			.matcher(this.browser.get("/logout").body());
		assertThat(csrf.find()).isTrue();

		String sessionBeforeLogout = this.browser.sessionCookie().orElseThrow().getValue();
		HttpResponse<String> logout = this.browser.post("/logout", Map.of("_csrf", csrf.group(1)));

		assertThat(logout.statusCode()).isEqualTo(302);
		Visitor replay = new Visitor(this.port);
		assertThat(replay.get("/me", Map.of("Accept", "application/json", "Cookie", "JSESSIONID=" + sessionBeforeLogout))
			.statusCode()).as("the old session is gone").isEqualTo(401);
		assertThat(this.browser.get("/token", API).statusCode()).isEqualTo(401);
		assertThat(this.browser.get("/me", API).statusCode()).isEqualTo(401);
	}

	@Test
	void authorizationCodeIsMaskedOnlyOnTheCallback() {
		this.browser.browse("/me");

		HttpResponse<String> echo = this.browser.get("/echo?code=INVITE123", API);

		assertThat(echo.body()).isEqualTo("{\"code\":\"INVITE123\",\"query\":\"code=INVITE123\"}");
	}

	@Test
	void postSignInRedirectStaysOnTheApplicationsOrigin() {
		HttpResponse<String> afterSignIn = this.browser
			.browse("/me?redirect_uri=https://evil.example.com/&continue=https://evil.example.com/")
			.page();

		assertThat(afterSignIn.statusCode()).isEqualTo(200);
		assertThat(afterSignIn.uri().getHost()).isEqualTo("localhost");
		assertThat(afterSignIn.uri().getPort()).isEqualTo(this.port);
	}

	private void signInWithTokensThatNeedRefresh() {
		// Spring Security refreshes a token that expires within a minute.
		this.hitKey.accessTokenLifetime(Duration.ofSeconds(30));
		Journey journey = this.browser.browse("/me");
		assertThat(journey.page().statusCode()).as(journey.toString()).isEqualTo(200);
	}

}
