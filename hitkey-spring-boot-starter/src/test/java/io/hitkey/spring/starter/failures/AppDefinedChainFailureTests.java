package io.hitkey.spring.starter.failures;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.hitkey.spring.starter.failures.Visitor.Journey;
import io.hitkey.spring.test.AutoConfigureFakeHitKey;
import io.hitkey.spring.test.FakeHitKey.Endpoint;
import io.hitkey.spring.test.FakeHitKeyFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's chain, copied verbatim into an application with its own
 * {@code /login-error} page that shows HitKey's message, through HitKey's faults.
 */
@SpringBootTest(classes = FailureTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hitkey.read-timeout=1s")
@Import(ApplicationChains.Readme.class)
@AutoConfigureFakeHitKey
@ExtendWith(OutputCaptureExtension.class)
class AppDefinedChainFailureTests extends FailureTestSupport {

	private static final Map<String, String> API = Map.of("Accept", "application/json");

	static final String SIGN_IN_BODY = "{\"error\":\"unauthorized\",\"sign_in\":\"/oauth2/authorization/hitkey\"}";

	@Test
	void failedSignInEndsOnTheApplicationsFailurePageWithHitKeysMessage(CapturedOutput output) {
		this.hitKey.failNext(Endpoint.TOKEN, 100, FakeHitKeyFault.error(400, "Invalid or expired authorization code"));

		Journey journey = this.browser.browse("/me");

		assertThat(journey.redirects()).as(journey.toString()).isEqualTo(SIGN_IN_REDIRECTS);
		assertThat(journey.page().uri().getPath()).isEqualTo("/login-error");
		assertThat(journey.page().statusCode()).isEqualTo(200);
		assertRenderedPage(journey.page());
		assertThat(journey.page().body()).isEqualTo("Sign-in failed: Invalid or expired authorization code");
		assertThat(this.hitKey.calls(Endpoint.AUTHORIZE)).isEqualTo(1);
		assertThat(this.hitKey.calls(Endpoint.TOKEN)).isEqualTo(1);
		assertThat(output).contains("HitKey sign-in failed: invalid_grant: Invalid or expired authorization code");
		assertThat(this.browser.get("/me", API).statusCode()).isEqualTo(401);
	}

	@Test
	void failurePageIsReachableWithoutASession() {
		Journey journey = new Visitor(this.port).browse("/login-error");

		assertThat(journey.redirects()).as(journey.toString()).isZero();
		assertThat(journey.page().statusCode()).isEqualTo(200);
		assertThat(journey.page().body()).isEqualTo("Sign-in failed: unknown");
		assertThat(this.hitKey.calls(Endpoint.AUTHORIZE)).isZero();
	}

	@Test
	void onlyTheFailurePageItselfIsReachableWithoutASession() {
		Visitor visitor = new Visitor(this.port);

		assertThat(visitor.get("/login-error/more").statusCode()).isEqualTo(302);
		assertThat(visitor.get("/login-error?next=/me").statusCode()).isEqualTo(302);
		assertThat(visitor.get("/login-errors").statusCode()).isEqualTo(302);
	}

	@Test
	void unreachableHitKeyIsDescribedWithoutInternals() {
		this.hitKey.failNext(Endpoint.TOKEN, 1, FakeHitKeyFault.dropConnection());

		Journey journey = this.browser.browse("/me");

		assertThat(journey.redirects()).as(journey.toString()).isEqualTo(SIGN_IN_REDIRECTS);
		assertThat(journey.page().body())
			.isEqualTo("Sign-in failed: HitKey could not be reached, or its answer could not be read");
	}

	@Test
	void userinfoErrorIsDescribedWithHitKeysMessage() {
		this.hitKey.failNext(Endpoint.USERINFO, 2, FakeHitKeyFault.error(401, "Invalid or expired access token"));

		Journey journey = this.browser.browse("/me");

		assertThat(journey.redirects()).as(journey.toString()).isEqualTo(SIGN_IN_REDIRECTS);
		assertThat(journey.page().body()).isEqualTo("Sign-in failed: Invalid or expired access token");
		assertThat(this.hitKey.calls(Endpoint.USERINFO)).isEqualTo(1);
	}

	@Test
	void garbageIsNeverReflectedOnTheFailurePage() {
		this.browser.get("/me");
		URI authorize = URI.create(Visitor.location(this.browser.get("/oauth2/authorization/hitkey")));
		String callback = Visitor.location(this.browser.get(authorize.toString()));
		String tampered = callback.replaceFirst("code=[^&]*", "code=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

		Journey journey = this.browser.browse(tampered);

		assertThat(journey.redirects()).as(journey.toString()).isEqualTo(1);
		assertThat(journey.page().uri().getPath()).isEqualTo("/login-error");
		assertThat(journey.page().body()).startsWith("Sign-in failed: ").doesNotContain("<script>");
	}

	@Test
	void apiClientsGet401WhateverTheirAcceptHeader() {
		for (String accept : new String[] { "application/json", "application/json, text/plain, */*", "*/*",
				"text/plain" }) {
			HttpResponse<String> answer = this.browser.get("/me", Map.of("Accept", accept));
			assertThat(answer.statusCode()).as(accept).isEqualTo(401);
			assertThat(answer.headers().firstValue("WWW-Authenticate")).as(accept)
				.hasValue("HitKey realm=\"hitkey\", sign_in=\"/oauth2/authorization/hitkey\"");
			assertThat(answer.headers().firstValue("Content-Type")).as(accept).hasValue("application/json;charset=UTF-8");
			assertThat(answer.body()).as(accept).isEqualTo(SIGN_IN_BODY);
		}
		assertThat(this.browser.get("/me", Map.of()).statusCode()).as("no Accept header").isEqualTo(401);
		assertThat(this.browser.get("/me", Map.of("Accept", "text/html")).statusCode()).isEqualTo(302);
		assertThat(this.browser.get("/me").statusCode()).isEqualTo(302);
		assertThat(this.hitKey.calls(Endpoint.AUTHORIZE)).isZero();
	}

	@Test
	void refusedRefreshSendsABrowserToSignInAgainAndBackToItsPage() {
		signInWithTokensThatNeedRefresh();
		this.hitKey.revokeRefreshTokens();
		this.hitKey.accessTokenLifetime(Duration.ofHours(1));

		Journey journey = this.browser.browse("/token");

		assertThat(journey.redirects()).as(journey.toString()).isEqualTo(SIGN_IN_REDIRECTS);
		assertThat(journey.page().statusCode()).isEqualTo(200);
		assertThat(journey.page().uri().getPath()).isEqualTo("/token");
		assertThat(this.hitKey.tokenCalls("refresh_token")).isEqualTo(1);
		assertThat(this.hitKey.tokenCalls("authorization_code")).isEqualTo(2);
	}

	@Test
	void refusedRefreshGivesAnApiClient401AndSignsTheUserOut() {
		signInWithTokensThatNeedRefresh();
		this.hitKey.revokeRefreshTokens();

		HttpResponse<String> token = this.browser.get("/token", API);

		assertThat(token.statusCode()).isEqualTo(401);
		assertThat(token.headers().firstValue("WWW-Authenticate")).isPresent();
		assertThat(token.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
		assertThat(token.body()).isEqualTo(SIGN_IN_BODY);
		assertThat(this.browser.get("/me", API).statusCode()).as("signed out").isEqualTo(401);
	}

	@Test
	void hitKeyDownDuringRefreshAnswers503AndKeepsTheSession() {
		signInWithTokensThatNeedRefresh();
		this.hitKey.failNext(Endpoint.TOKEN, 1, FakeHitKeyFault.error(503, "Maintenance"));

		Journey duringOutage = this.browser.browse("/token");

		assertThat(duringOutage.redirects()).as(duringOutage.toString()).isZero();
		assertThat(duringOutage.page().statusCode()).isEqualTo(503);
		assertThat(duringOutage.page().headers().firstValue("Retry-After")).hasValue("30");
		assertRenderedPage(duringOutage.page());
		assertThat(this.browser.get("/me", API).statusCode()).isEqualTo(200);
		this.hitKey.accessTokenLifetime(Duration.ofHours(1));
		assertThat(this.browser.get("/token", API).statusCode()).isEqualTo(200);
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

	private void signInWithTokensThatNeedRefresh() {
		// Spring Security refreshes a token that expires within a minute.
		this.hitKey.accessTokenLifetime(Duration.ofSeconds(30));
		Journey journey = this.browser.browse("/me");
		assertThat(journey.page().statusCode()).as(journey.toString()).isEqualTo(200);
	}

}
