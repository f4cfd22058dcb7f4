package io.hitkey.spring.autoconfigure.reactive;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.hitkey.spring.autoconfigure.HitKeyStandInTestSupport;
import io.hitkey.spring.autoconfigure.servlet.HitKeyStubs;
import io.hitkey.spring.autoconfigure.servlet.SignInClient;
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
