package io.hitkey.spring.starter.failures;

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
 * A signed-in session in a chain with Spring Security's plain {@code oauth2Login()},
 * without {@code HitKeyLoginConfigurer}, through HitKey's faults during a refresh: never
 * a {@code 500}.
 */
@SpringBootTest(classes = FailureTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hitkey.read-timeout=1s")
@Import(ApplicationChains.PlainLogin.class)
@AutoConfigureFakeHitKey
@ExtendWith(OutputCaptureExtension.class)
class PlainLoginChainSessionTests extends FailureTestSupport {

	@Test
	void refusedRefreshSendsABrowserToSignInAgainAndBackToItsPage(CapturedOutput output) {
		signInWithTokensThatNeedRefresh();
		this.hitKey.revokeRefreshTokens();
		this.hitKey.accessTokenLifetime(Duration.ofHours(1));

		Journey journey = this.browser.browse("/token");

		// Spring Security's redirect filter goes to HitKey at once, without
		// /oauth2/authorization/hitkey.
		assertThat(journey.redirects()).as(journey.toString()).isEqualTo(SIGN_IN_REDIRECTS - 1);
		assertThat(journey.page().statusCode()).isEqualTo(200);
		assertThat(journey.page().uri().getPath()).isEqualTo("/token");
		assertRenderedPage(journey.page());
		assertThat(this.hitKey.tokenCalls("refresh_token")).isEqualTo(1);
		assertThat(this.hitKey.tokenCalls("authorization_code")).isEqualTo(2);
		assertThat(this.hitKey.calls(Endpoint.AUTHORIZE)).isEqualTo(2);
		assertThat(output).containsOnlyOnce(
				"HitKey refused to refresh the access token (invalid_grant): the user must sign in again");
	}

	@Test
	void refusedRefreshForgetsTheRefusedTokens() {
		signInWithTokensThatNeedRefresh();
		this.hitKey.revokeRefreshTokens();

		HttpResponse<String> token = this.browser.get("/token", Map.of("Accept", "application/json"));

		assertThat(token.statusCode()).isEqualTo(302);
		assertThat(this.hitKey.tokenCalls("refresh_token")).isEqualTo(1);
		assertThat(this.browser.get("/token", Map.of("Accept", "application/json")).statusCode()).isEqualTo(302);
		assertThat(this.hitKey.tokenCalls("refresh_token")).as("the refused token is not tried again").isEqualTo(1);
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
		this.hitKey.accessTokenLifetime(Duration.ofHours(1));
		assertThat(this.browser.get("/token", Map.of("Accept", "application/json")).statusCode()).isEqualTo(200);
		assertThat(this.hitKey.tokenCalls("authorization_code")).isEqualTo(1);
	}

	private void signInWithTokensThatNeedRefresh() {
		// Spring Security refreshes a token that expires within a minute.
		this.hitKey.accessTokenLifetime(Duration.ofSeconds(30));
		Journey journey = this.browser.browse("/me");
		assertThat(journey.page().statusCode()).as(journey.toString()).isEqualTo(200);
	}

}
