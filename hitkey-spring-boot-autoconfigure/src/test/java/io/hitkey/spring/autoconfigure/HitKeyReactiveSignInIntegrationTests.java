package io.hitkey.spring.autoconfigure;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full sign-in over real HTTP in a WebFlux application with the starter's default
 * filter chain, against a WireMock stand-in for HitKey.
 */
@SpringBootTest(classes = ReactiveSignInTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "hitkey.scopes=profile,email,project:read",
				"hitkey.read-timeout=700ms" })
class HitKeyReactiveSignInIntegrationTests extends HitKeyStandInTestSupport {

	@Test
	void signsInWithJsonTokenRequestAndMapsTheUser() {
		HitKeyStubs.stubSuccessfulSignIn(hitKey);
		URI authorize = this.browser.startSignIn("/me");

		Map<String, String> query = SignInClient.query(authorize);
		assertThat(authorize.toString()).startsWith(hitKey.baseUrl() + "/?");
		assertThat(query).containsEntry("scope", "openid profile email project:read")
			.containsEntry("client_id", HitKeyStubs.CLIENT_ID)
			.containsEntry("code_challenge_method", "S256")
			.doesNotContainKey("nonce");
		HttpResponse<String> callback = this.browser.callback(authorize, "code-1");
		assertThat(callback.statusCode()).isEqualTo(302);
		assertThat(SignInClient.location(callback)).doesNotContain("error");

		hitKey.verify(postRequestedFor(urlEqualTo("/oauth/token"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Authorization", absent())
			.withRequestBody(equalToJson("""
					{"grant_type":"authorization_code","code":"code-1","client_id":"%s","client_secret":"%s",
					 "redirect_uri":"%s","code_verifier":"${json-unit.any-string}"}
					""".formatted(HitKeyStubs.CLIENT_ID, HitKeyStubs.CLIENT_SECRET, query.get("redirect_uri")))));
		hitKey.verify(getRequestedFor(urlEqualTo("/oauth/userinfo")).withHeader("Authorization",
				equalTo("Bearer at-1")));
		HttpResponse<String> me = this.browser.get("/me", "application/json");
		assertThat(me.statusCode()).isEqualTo(200);
		@SuppressWarnings("unchecked")
		Map<String, Object> user = JsonMapper.shared().readValue(me.body(), Map.class);
		assertThat(user).containsEntry("name", HitKeyStubs.SUB).containsEntry("email", "ada@example.com");
		@SuppressWarnings("unchecked")
		List<Object> authorities = (List<Object>) user.get("authorities");
		assertThat(authorities).contains("ROLE_ADMIN", "PERMISSION_can_deploy", "SCOPE_openid");
	}

	@Test
	void refreshesAnExpiredAccessTokenWithAJsonRefreshRequest() {
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-expiring", "rt-1", 30))));
		hitKey.stubFor(HitKeyStubs.tokenRequest("refresh_token")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-refreshed", "rt-1", 3600))));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo")).willReturn(okJson(HitKeyStubs.USERINFO)));
		assertThat(this.browser.callback(this.browser.startSignIn("/me"), "code-2").statusCode()).isEqualTo(302);

		HttpResponse<String> token = this.browser.get("/token", "text/plain");

		assertThat(token.body()).isEqualTo("at-refreshed");
		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"grant_type":"refresh_token","refresh_token":"rt-1","client_id":"%s","client_secret":"%s"}
					""".formatted(HitKeyStubs.CLIENT_ID, HitKeyStubs.CLIENT_SECRET))));
	}

	@Test
	void hitKeyErrorAndSlowHitKeyEndOnTheLoginErrorPageWithinTheTimeout() {
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-1", "rt-1", 3600)).withFixedDelay(5_000)));
		URI authorize = this.browser.startSignIn("/me");

		long start = System.nanoTime();
		HttpResponse<String> callback = this.browser.callback(authorize, "slow");

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_500));
		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
		assertThat(SignInClient.location(callback)).contains("/login?error");
		assertThat(this.browser.get("/me", "application/json").statusCode()).isEqualTo(401);
	}

	@Test
	void apiRequestsWithoutASessionGet401AndBrowsersGoToHitKey() {
		HttpResponse<String> response = this.browser.get("/me", "application/json");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValue(HitKeyReactiveFailureIntegrationTests.CHALLENGE);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).isEqualTo(HitKeyReactiveFailureIntegrationTests.SIGN_IN_BODY);
		assertThat(this.browser.get("/me", "*/*").statusCode()).isEqualTo(401);
		HttpResponse<String> fromABrowser = this.browser.get("/me", "text/html");
		assertThat(fromABrowser.statusCode()).isEqualTo(302);
		assertThat(SignInClient.location(fromABrowser)).endsWith("/oauth2/authorization/hitkey");
	}

	@Test
	void logoutIsAPostWithTheCsrfToken() {
		HitKeyStubs.stubSuccessfulSignIn(hitKey);
		assertThat(this.browser.callback(this.browser.startSignIn("/me"), "code-3").statusCode()).isEqualTo(302);
		assertThat(this.browser.get("/me", "application/json").statusCode()).isEqualTo(200);

		String csrf = this.browser.get("/csrf", "text/plain").body();

		HttpResponse<String> logout = this.browser.post("/logout", Map.of("_csrf", csrf));

		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(this.browser.get("/me", "application/json").statusCode()).isEqualTo(401);
	}

}
