package io.hitkey.spring.autoconfigure;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full sign-in over real HTTP in an application that writes its own filter chain with a
 * plain {@code oauth2Login(Customizer.withDefaults())}, with PKCE turned off and a short
 * read timeout.
 */
@SpringBootTest(classes = SignInTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hitkey.pkce=false", "hitkey.read-timeout=700ms" })
@Import(HitKeyAppDefinedChainIntegrationTests.AppSecurity.class)
class HitKeyAppDefinedChainIntegrationTests extends SignInIntegrationTestSupport {

	@Autowired
	ApplicationContext context;

	@Test
	void starterBacksOffFromTheDefaultChain() {
		assertThat(this.context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("appSecurityFilterChain");
	}

	@Test
	void appDefinedChainSignsInWithAllHitKeyBehaviourAndNoPkce() {
		HitKeyStubs.stubSuccessfulSignIn(hitKey);
		URI authorize = this.browser.startSignIn("/me");

		Map<String, String> query = SignInClient.query(authorize);
		assertThat(query).containsEntry("scope", "openid profile email")
			.doesNotContainKeys("code_challenge", "code_challenge_method", "nonce");
		HttpResponse<String> callback = this.browser.callback(authorize, "code-1");
		assertThat(callback.statusCode()).isEqualTo(302);
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
		@SuppressWarnings("unchecked")
		Map<String, Object> user = JsonMapper.shared().readValue(me.body(), Map.class);
		assertThat(user).containsEntry("name", HitKeyStubs.SUB);
		@SuppressWarnings("unchecked")
		List<Object> authorities = (List<Object>) user.get("authorities");
		assertThat(authorities).contains("ROLE_ADMIN", "PERMISSION_can_deploy", "SCOPE_openid");
	}

	@Test
	void hitKeySlowerThanTheReadTimeoutFailsTheSignInWithinTheTimeout() {
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-1", "rt-1", 3600))
				.withFixedDelay(5_000)));
		URI authorize = this.browser.startSignIn("/me");

		long start = System.nanoTime();
		HttpResponse<String> callback = this.browser.callback(authorize, "slow-code");
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		assertThat(callback.statusCode()).isEqualTo(302);
		assertThat(SignInClient.location(callback)).endsWith("/login?error");
		assertThat(elapsed).isLessThan(Duration.ofMillis(3_500));
		assertThat(this.failures.last()).isInstanceOf(OAuth2AuthenticationException.class)
			.hasMessageNotContaining(HitKeyStubs.CLIENT_SECRET);
		assertThat(this.browser.get("/me").statusCode()).isEqualTo(302);
	}

	@Test
	void roleAndPermissionAuthoritiesGuardRequests() {
		HitKeyStubs.stubSuccessfulSignIn(hitKey);
		assertThat(this.browser.callback(this.browser.startSignIn("/me"), "code-6").statusCode()).isEqualTo(302);

		assertThat(this.browser.get("/admin").statusCode()).isEqualTo(200);
		assertThat(this.browser.get("/deploy").statusCode()).isEqualTo(200);
		assertThat(this.browser.get("/operate").statusCode()).isEqualTo(403);
	}

	@Test
	void userinfoSlowerThanTheReadTimeoutFailsTheSignInWithinTheTimeout() {
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-1", "rt-1", 3600))));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo")).willReturn(okJson(HitKeyStubs.USERINFO).withFixedDelay(5_000)));
		URI authorize = this.browser.startSignIn("/me");

		long start = System.nanoTime();
		HttpResponse<String> callback = this.browser.callback(authorize, "slow-userinfo");

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_500));
		assertThat(SignInClient.location(callback)).endsWith("/login?error");
		assertThat(this.failures.last()).isInstanceOfSatisfying(OAuth2AuthenticationException.class,
				(ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_user_info_response"));
	}

	@Test
	void emptyUserinfoFailsTheSignInCleanly() {
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-1", "rt-1", 3600))));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")));
		HttpResponse<String> callback = this.browser.callback(this.browser.startSignIn("/me"), "code-7");

		assertThat(SignInClient.location(callback)).endsWith("/login?error");
		assertThat(this.failures.last()).isInstanceOfSatisfying(OAuth2AuthenticationException.class,
				(ex) -> assertThat(ex.getError().getDescription()).isEqualTo("HitKey userinfo answer is empty"));
	}

	@Configuration(proxyBeanMethods = false)
	static class AppSecurity {

		@Bean
		SecurityFilterChain appSecurityFilterChain(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers("/admin")
				.hasRole("ADMIN")
				.requestMatchers("/deploy")
				.hasAuthority("PERMISSION_can_deploy")
				.requestMatchers("/operate")
				.hasAuthority("PERMISSION_can_operate")
				.anyRequest()
				.authenticated());
			http.oauth2Login(Customizer.withDefaults());
			return http.build();
		}

	}

}
