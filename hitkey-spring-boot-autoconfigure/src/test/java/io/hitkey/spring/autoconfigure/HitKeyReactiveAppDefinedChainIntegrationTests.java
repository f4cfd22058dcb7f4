package io.hitkey.spring.autoconfigure;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.hitkey.spring.autoconfigure.HopByHopBrowser.Visit;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full sign-in in a WebFlux application that writes its own filter chain with a plain
 * {@code oauth2Login(Customizer.withDefaults())}, with PKCE off and a short read timeout.
 */
@SpringBootTest(classes = ReactiveSignInTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "hitkey.pkce=false", "hitkey.read-timeout=700ms" })
@Import(HitKeyReactiveAppDefinedChainIntegrationTests.AppSecurity.class)
class HitKeyReactiveAppDefinedChainIntegrationTests extends HitKeyStandInTestSupport {

	@Autowired
	ApplicationContext context;

	@Test
	void starterBacksOffFromTheDefaultChain() {
		assertThat(this.context.getBeansOfType(SecurityWebFilterChain.class)).containsOnlyKeys("appSecurityFilterChain");
	}

	@Test
	void appDefinedChainSignsInWithAllHitKeyBehaviourAndNoPkce() {
		HitKeyStubs.stubSuccessfulSignIn(hitKey);
		this.browser.get("/me", "text/html");
		HttpResponse<String> toHitKey = this.browser.get("/oauth2/authorization/hitkey", "text/html");
		URI authorize = URI.create(SignInClient.location(toHitKey));

		Map<String, String> query = SignInClient.query(authorize);
		assertThat(query).containsEntry("scope", "openid profile email")
			.doesNotContainKeys("code_challenge", "code_challenge_method", "nonce");
		HttpResponse<String> callback = this.browser.callback(authorize, "code-1");
		assertThat(SignInClient.location(callback)).doesNotContain("error");
		hitKey.verify(postRequestedFor(urlEqualTo("/oauth/token"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Authorization", absent())
			.withRequestBody(equalToJson("""
					{"grant_type":"authorization_code","code":"code-1","client_id":"%s","client_secret":"%s",
					 "redirect_uri":"%s"}
					""".formatted(HitKeyStubs.CLIENT_ID, HitKeyStubs.CLIENT_SECRET, query.get("redirect_uri")))));
		HttpResponse<String> me = this.browser.get("/me", "application/json");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains(HitKeyStubs.SUB).contains("ROLE_ADMIN");
	}

	@Test
	void userinfoSlowerThanTheReadTimeoutFailsTheSignInWithinTheTimeout() {
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-1", "rt-1", 3600))));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo")).willReturn(okJson(HitKeyStubs.USERINFO).withFixedDelay(5_000)));
		this.browser.get("/me", "text/html");
		URI authorize = URI.create(SignInClient.location(this.browser.get("/oauth2/authorization/hitkey", "text/html")));

		long start = System.nanoTime();
		HttpResponse<String> callback = this.browser.callback(authorize, "code-2");

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_500));
		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
		assertThat(SignInClient.location(callback)).contains("/login?error");
	}

	@Test
	void refusedRefreshSignsInAgainInsteadOfAnError500() {
		HitKeyAuthorizeStubs.approves(hitKey, "code-1", "code-2");
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.withRequestBody(matchingJsonPath("$.code", equalTo("code-1")))
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-expiring-" + UUID.randomUUID(), "rt-1", 30))));
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.withRequestBody(matchingJsonPath("$.code", equalTo("code-2")))
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-2", "rt-2", 3600))));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo")).willReturn(okJson(HitKeyStubs.USERINFO)));
		hitKey.stubFor(HitKeyStubs.tokenRequest("refresh_token")
			.willReturn(HitKeyStubs.hitKeyError(400, "Invalid or expired refresh token")));
		HopByHopBrowser visitor = new HopByHopBrowser(this.port);
		visitor.visit("/me").assertEndsOnApplicationPage(visitor.origin(), 200, 4);

		Visit visit = visitor.visit("/token");

		HttpResponse<String> page = visit.assertEndsOnApplicationPage(visitor.origin(), 200, 3);
		assertThat(visit.paths()).containsExactly("/token", "/", "/login/oauth2/code/hitkey", "/token");
		assertThat(page.body()).isEqualTo("at-2");
		assertThat(HitKeyAuthorizeStubs.visits(hitKey)).isEqualTo(2);
		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token"))
			.withRequestBody(matchingJsonPath("$.grant_type", equalTo("refresh_token"))));
	}

	@Configuration(proxyBeanMethods = false)
	static class AppSecurity {

		@Bean
		SecurityWebFilterChain appSecurityFilterChain(ServerHttpSecurity http) {
			http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated());
			http.oauth2Login(Customizer.withDefaults());
			return http.build();
		}

	}

}
