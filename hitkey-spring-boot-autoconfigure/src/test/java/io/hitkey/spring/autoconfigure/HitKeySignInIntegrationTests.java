package io.hitkey.spring.autoconfigure;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

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
 * Full sign-in over real HTTP with the starter's default filter chain, against a
 * WireMock stand-in for HitKey.
 */
@SpringBootTest(classes = SignInTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hitkey.scopes=profile,email,project:read" })
class HitKeySignInIntegrationTests extends SignInIntegrationTestSupport {

	@Test
	void signsInWithJsonTokenRequestAndMapsTheUser() {
		HitKeyStubs.stubSuccessfulSignIn(hitKey);
		URI authorize = this.browser.startSignIn("/me");

		assertThat(authorize.toString()).startsWith(hitKey.baseUrl() + "/?");
		Map<String, String> query = SignInClient.query(authorize);
		assertThat(query).containsEntry("response_type", "code")
			.containsEntry("client_id", HitKeyStubs.CLIENT_ID)
			.containsEntry("scope", "openid profile email project:read")
			.containsEntry("redirect_uri", "http://localhost:" + this.port + "/login/oauth2/code/hitkey")
			.containsEntry("code_challenge_method", "S256")
			.containsKeys("state", "code_challenge")
			.doesNotContainKey("nonce");

		HttpResponse<String> callback = this.browser.callback(authorize, "code-1");
		assertThat(callback.statusCode()).isEqualTo(302);
		assertThat(SignInClient.location(callback)).endsWith("/me?continue");

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
		assertThat(user).containsEntry("name", HitKeyStubs.SUB)
			.containsEntry("id", HitKeyStubs.SUB)
			.containsEntry("email", "ada@example.com")
			.containsEntry("displayName", "Ada")
			.containsEntry("preferredOrder", "WESTERN")
			.containsEntry("nativeScript", "null")
			.containsEntry("projectRole", "admin");
		@SuppressWarnings("unchecked")
		List<Object> authorities = (List<Object>) user.get("authorities");
		assertThat(authorities).containsExactly("PERMISSION_can_deploy",
				"PERMISSION_can_review", "ROLE_ADMIN", "SCOPE_email", "SCOPE_openid", "SCOPE_profile",
				"SCOPE_project:read");
	}

	@Test
	void refreshesAnExpiredAccessTokenWithAJsonRefreshRequest() {
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-expiring", "rt-1", 30))));
		hitKey.stubFor(HitKeyStubs.tokenRequest("refresh_token")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-refreshed", "rt-1", 3600))));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo"))
			.willReturn(okJson(HitKeyStubs.USERINFO)));
		URI authorize = this.browser.startSignIn("/token");
		assertThat(this.browser.callback(authorize, "code-2").statusCode()).isEqualTo(302);

		HttpResponse<String> token = this.browser.get("/token", "text/plain");

		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(token.body()).isEqualTo("at-refreshed");
		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Authorization", absent())
			.withRequestBody(equalToJson("""
					{"grant_type":"refresh_token","refresh_token":"rt-1","client_id":"%s","client_secret":"%s"}
					""".formatted(HitKeyStubs.CLIENT_ID, HitKeyStubs.CLIENT_SECRET))));
		assertThat(this.browser.get("/token", "text/plain").body()).isEqualTo("at-refreshed");
		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token"))
			.withRequestBody(equalToJson("{\"grant_type\":\"refresh_token\"}", true, true)));
	}

	@Test
	void hitKeyErrorEndsOnTheLoginErrorPageWithHitKeysMessage() {
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(HitKeyStubs.hitKeyError(400, "Invalid or expired authorization code")));
		URI authorize = this.browser.startSignIn("/me");

		HttpResponse<String> callback = this.browser.callback(authorize, "used-code");

		assertThat(callback.statusCode()).isEqualTo(302);
		assertThat(SignInClient.location(callback)).endsWith("/login?error");
		HttpResponse<String> errorPage = this.browser.get("/login?error");
		assertThat(errorPage.statusCode()).isEqualTo(200);
		assertThat(errorPage.body()).doesNotContain(HitKeyStubs.CLIENT_SECRET).doesNotContain("Exception");
		assertThat(this.failures.last()).isInstanceOfSatisfying(OAuth2AuthenticationException.class, (ex) -> {
			assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_grant");
			assertThat(ex.getError().getDescription()).isEqualTo("Invalid or expired authorization code");
		});
		assertThat(this.browser.get("/me").statusCode()).isEqualTo(302);
	}

	@Test
	void userinfoWithoutAUuidSubFailsTheSignIn() {
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-1", "rt-1", 3600))));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo"))
			.willReturn(okJson("{\"sub\":\"12345\",\"name\":\"Mallory\"}")));
		URI authorize = this.browser.startSignIn("/me");

		HttpResponse<String> callback = this.browser.callback(authorize, "code-3");

		assertThat(SignInClient.location(callback)).endsWith("/login?error");
		assertThat(this.browser.get("/login?error").statusCode()).isEqualTo(200);
		assertThat(this.failures.last()).isInstanceOfSatisfying(OAuth2AuthenticationException.class,
				(ex) -> assertThat(ex.getError().getDescription()).isEqualTo("HitKey claim 'sub' is not a UUID"));
		assertThat(this.browser.get("/me").statusCode()).isEqualTo(302);
	}

	@Test
	void apiRequestsWithoutASessionGet401InsteadOfARedirect() {
		HttpResponse<String> response = this.browser.get("/me", "application/json");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Location")).isEmpty();
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValue(HitKeyReactiveFailureIntegrationTests.CHALLENGE);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
		assertThat(response.body()).isEqualTo(HitKeyReactiveFailureIntegrationTests.SIGN_IN_BODY);
	}

	@Test
	void sessionStateOfARealSignInRoundTripsThroughJsonAndJdkSerialization() {
		HitKeyStubs.stubSuccessfulSignIn(hitKey);
		assertThat(this.browser.callback(this.browser.startSignIn("/me"), "code-4").statusCode()).isEqualTo(302);

		HttpResponse<String> roundTrip = this.browser.get("/session-round-trip", "application/json");

		assertThat(roundTrip.statusCode()).isEqualTo(200);
		@SuppressWarnings("unchecked")
		Map<String, Object> result = JsonMapper.shared().readValue(roundTrip.body(), Map.class);
		assertThat(result).containsEntry("json", true).containsEntry("jdk", true);
		assertThat(result.get("authorities").toString()).contains("FACTOR_AUTHORIZATION_CODE", "ROLE_ADMIN");
	}

	@Test
	void logoutNeedsTheCsrfTokenAndEndsTheSessionAndItsTokens() {
		HitKeyStubs.stubSuccessfulSignIn(hitKey);
		assertThat(this.browser.callback(this.browser.startSignIn("/token"), "code-5").statusCode()).isEqualTo(302);
		assertThat(this.browser.get("/token", "text/plain").body()).isEqualTo("at-1");

		assertThat(this.browser.post("/logout", Map.of()).statusCode()).isEqualTo(403);
		assertThat(this.browser.get("/token", "text/plain").statusCode()).isEqualTo(200);

		HttpResponse<String> logoutPage = this.browser.get("/logout");
		Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"")
			.matcher(logoutPage.body());
		assertThat(csrf.find()).as("CSRF token on %s", logoutPage.body()).isTrue();
		HttpResponse<String> logout = this.browser.post("/logout", Map.of("_csrf", csrf.group(1)));

		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(SignInClient.location(logout)).endsWith("/login?logout");
		HttpResponse<String> afterLogout = this.browser.get("/token", "text/plain,text/html");
		assertThat(afterLogout.statusCode()).isEqualTo(302);
		assertThat(SignInClient.location(afterLogout)).endsWith("/oauth2/authorization/hitkey");
	}

}
