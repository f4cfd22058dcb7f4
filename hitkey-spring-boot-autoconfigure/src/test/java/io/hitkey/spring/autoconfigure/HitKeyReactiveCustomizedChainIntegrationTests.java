package io.hitkey.spring.autoconfigure;

import java.net.http.HttpResponse;
import java.util.UUID;

import io.hitkey.spring.autoconfigure.HopByHopBrowser.Visit;
import io.hitkey.spring.web.server.HitKeyServerLoginCustomizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebSession;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.hitkey.spring.autoconfigure.HopByHopBrowser.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux application's own filter chain with {@link HitKeyServerLoginCustomizer}: the
 * failure page of its own, refresh failures as on the starter's default chain.
 */
@SpringBootTest(classes = ReactiveSignInTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "hitkey.read-timeout=700ms" })
@Import(HitKeyReactiveCustomizedChainIntegrationTests.AppSecurity.class)
@ExtendWith(OutputCaptureExtension.class)
class HitKeyReactiveCustomizedChainIntegrationTests extends HitKeyStandInTestSupport {

	HopByHopBrowser visitor;

	@BeforeEach
	void newVisitor() {
		this.visitor = new HopByHopBrowser(this.port);
	}

	@Test
	void failedSignInEndsOnTheApplicationsFailurePageWithHitKeysMessage(CapturedOutput output) {
		HitKeyAuthorizeStubs.approves(hitKey, "code-1");
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(HitKeyStubs.hitKeyError(400, "redirect_uri doesn't match")));

		Visit visit = this.visitor.visit("/me");

		HttpResponse<String> page = visit.assertEndsOnApplicationPage(this.visitor.origin(), 200, 4);
		assertThat(visit.paths()).containsExactly("/me", "/oauth2/authorization/hitkey", "/",
				"/login/oauth2/code/hitkey", "/login-error");
		assertThat(page.body()).isEqualTo("Sign-in failed: redirect_uri doesn't match");
		assertThat(HitKeyAuthorizeStubs.visits(hitKey)).isOne();
		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
		assertThat(output).contains("HitKey sign-in failed: invalid_grant: redirect_uri doesn't match");
		assertThat(this.visitor.get("/me", JSON).statusCode()).as("signed in after a failed sign-in").isNotEqualTo(200);
	}

	@Test
	void refusedRefreshSignsOutAndAnswersAnApiCallWith401() {
		signInWithAnExpiringToken();
		hitKey.stubFor(HitKeyStubs.tokenRequest("refresh_token")
			.willReturn(HitKeyStubs.hitKeyError(400, "Invalid or expired refresh token")));

		HttpResponse<String> answer = this.visitor.follow(this.visitor.get("/token", JSON))
			.assertEndsOnApplicationPage(this.visitor.origin(), 401, 0);

		assertThat(answer.headers().firstValue("WWW-Authenticate"))
			.hasValue(HitKeyReactiveFailureIntegrationTests.CHALLENGE);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(answer.body()).isEqualTo(HitKeyReactiveFailureIntegrationTests.SIGN_IN_BODY);
		assertThat(this.visitor.get("/me", JSON).statusCode()).isNotEqualTo(200);
		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token"))
			.withRequestBody(matchingJsonPath("$.grant_type", equalTo("refresh_token"))));
	}

	@Test
	void refusedRefreshSendsTheBrowserToSignInAgainAndBack() {
		signInWithAnExpiringToken();
		hitKey.stubFor(HitKeyStubs.tokenRequest("refresh_token")
			.willReturn(HitKeyStubs.hitKeyError(400, "Invalid or expired refresh token")));

		Visit visit = this.visitor.visit("/token");

		HttpResponse<String> page = visit.assertEndsOnApplicationPage(this.visitor.origin(), 200, 3);
		assertThat(visit.paths()).containsExactly("/token", "/", "/login/oauth2/code/hitkey", "/token");
		assertThat(page.body()).isEqualTo("at-2");
		assertThat(HitKeyAuthorizeStubs.visits(hitKey)).isEqualTo(2);
	}

	@Test
	void hitKeyDownDuringARefreshAnswers503AndKeepsTheSession() {
		signInWithAnExpiringToken();
		hitKey.stubFor(HitKeyStubs.tokenRequest("refresh_token")
			.willReturn(HitKeyStubs.hitKeyError(502, "Bad gateway")));

		HttpResponse<String> page = this.visitor.visit("/token")
			.assertEndsOnApplicationPage(this.visitor.origin(), 503, 0);

		assertThat(page.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(this.visitor.get("/me", JSON).statusCode()).isEqualTo(200);
		assertThat(HitKeyAuthorizeStubs.visits(hitKey)).isOne();
	}

	private void signInWithAnExpiringToken() {
		HitKeyAuthorizeStubs.approves(hitKey, "code-1", "code-2");
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.withRequestBody(matchingJsonPath("$.code", equalTo("code-1")))
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-expiring-" + UUID.randomUUID(), "rt-1", 30))));
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.withRequestBody(matchingJsonPath("$.code", equalTo("code-2")))
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-2", "rt-2", 3600))));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo")).willReturn(okJson(HitKeyStubs.USERINFO)));
		this.visitor.visit("/me").assertEndsOnApplicationPage(this.visitor.origin(), 200, 4);
	}

	@Configuration(proxyBeanMethods = false)
	static class AppSecurity {

		@Bean
		SecurityWebFilterChain appSecurityFilterChain(ServerHttpSecurity http) {
			http.authorizeExchange(
					(exchanges) -> exchanges.pathMatchers("/login-error").permitAll().anyExchange().authenticated());
			http.oauth2Login(Customizer.withDefaults());
			HitKeyServerLoginCustomizer.hitKey().failureUrl("/login-error").customize(http);
			return http.build();
		}

		@RestController
		static class LoginErrorController {

			@GetMapping("/login-error")
			Mono<String> loginError(WebSession session) {
				Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
				return Mono.just("Sign-in failed: " + ((failure instanceof OAuth2AuthenticationException oauth2)
						? oauth2.getError().getDescription() : "unknown"));
			}

		}

	}

}
