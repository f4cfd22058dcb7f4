package io.hitkey.spring.starter.failures;

import java.net.http.HttpResponse;

import io.hitkey.spring.starter.failures.Visitor.Journey;
import io.hitkey.spring.test.AutoConfigureFakeHitKey;
import io.hitkey.spring.test.FakeHitKey.Endpoint;
import io.hitkey.spring.test.FakeHitKeyFault;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code hitkey.redirect-uri} at a path of the application's choosing, HitKey's
 * callback is processed there: sign-in completes, and a failed one ends on the failure
 * page. Here with the starter's default chain.
 */
@SpringBootTest(classes = FailureTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hitkey.redirect-uri={baseUrl}/callback")
@AutoConfigureFakeHitKey
class CustomRedirectUriTests extends FailureTestSupport {

	@Test
	void signInCompletesAtTheRedirectUrisPath() {
		Journey journey = this.browser.browse("/me");

		assertThat(journey.redirects()).as(journey.toString()).isEqualTo(SIGN_IN_REDIRECTS);
		assertThat(journey.hops().get(3).uri().getPath()).isEqualTo("/callback");
		assertThat(journey.page().uri().getPath()).isEqualTo("/me");
		assertThat(journey.page().statusCode()).isEqualTo(200);
		assertThat(journey.page().body()).contains(this.hitKey.users().get(0).sub().toString());
		assertThat(this.hitKey.calls(Endpoint.AUTHORIZE)).isEqualTo(1);
		assertThat(this.hitKey.tokenCalls("authorization_code")).isEqualTo(1);
	}

	@Test
	void failedSignInEndsOnTheFailurePage() {
		this.hitKey.failNext(Endpoint.TOKEN, 100, FakeHitKeyFault.error(400, "Invalid or expired authorization code"));

		Journey journey = this.browser.browse("/me");

		assertThat(journey.redirects()).as(journey.toString()).isEqualTo(SIGN_IN_REDIRECTS);
		assertThat(journey.hops().get(3).uri().getPath()).isEqualTo("/callback");
		HttpResponse<String> page = journey.page();
		assertThat(page.uri().getPath() + ((page.uri().getQuery() != null) ? "?" + page.uri().getQuery() : ""))
			.isEqualTo(failureUrl());
		assertThat(page.statusCode()).isEqualTo(200);
		assertRenderedPage(page);
		assertThat(this.hitKey.calls(Endpoint.TOKEN)).isEqualTo(1);
	}

	String failureUrl() {
		return "/login?error";
	}

}
