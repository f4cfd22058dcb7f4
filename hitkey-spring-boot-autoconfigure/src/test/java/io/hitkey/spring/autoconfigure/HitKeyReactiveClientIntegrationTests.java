package io.hitkey.spring.autoconfigure;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the starter's HTTP client does with HitKey's answers in a WebFlux application,
 * over real HTTP against a WireMock stand-in: every bad answer ends the sign-in on the
 * application's failure page, the application's own HTTP client settings are its own,
 * and no log line carries a code or a token. The application writes its own chain here,
 * with its own failure page, so that each failure can be followed to a rendered page.
 */
@SpringBootTest(classes = ReactiveSignInTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "hitkey.connect-timeout=3s",
				"hitkey.read-timeout=2s", "logging.level.org.springframework.web=TRACE",
				"logging.level.org.springframework.http=TRACE", "logging.level.org.springframework.security=TRACE",
				"logging.level.io.hitkey=TRACE",
				"spring.security.oauth2.client.registration.partner.client-id=partner-client",
				"spring.security.oauth2.client.registration.partner.client-secret=partner-secret",
				"spring.security.oauth2.client.registration.partner.authorization-grant-type=client_credentials" })
@Import(HitKeyReactiveClientIntegrationTests.App.class)
@ExtendWith(OutputCaptureExtension.class)
class HitKeyReactiveClientIntegrationTests extends HitKeyStandInTestSupport {

	private static final String FAILURE_PAGE = "Sign-in failed: the app's own page";

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

	@DynamicPropertySource
	static void partnerProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.client.provider.partner.token-uri", () -> hitKey.baseUrl() + "/partner/token");
	}

	@Autowired
	ReactiveOAuth2AuthorizedClientManager authorizedClientManager;

	@Autowired
	WebClient.Builder appWebClientBuilder;

	// Each piece comes well within the read timeout, the whole takes 20 s. Not gzipped:
	// WireMock would hold a gzipped answer back and send it at once.
	@Test
	void tokenAnswerTrickledSlowerThanTheTimeoutsEndsOnTheFailurePage() {
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-1", "rt-1", 3600)).withHeader("Content-Encoding", "identity").withChunkedDribbleDelay(100, 20_000)));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo")).willReturn(okJson(HitKeyStubs.USERINFO)));

		assertSignInEndsOnTheFailurePage("trickled-token");

		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
		hitKey.verify(0, getRequestedFor(urlEqualTo("/oauth/userinfo")));
	}

	@Test
	void userinfoAnswerTrickledSlowerThanTheTimeoutsEndsOnTheFailurePage() {
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-1", "rt-1", 3600))));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo"))
			.willReturn(okJson(HitKeyStubs.USERINFO).withHeader("Content-Encoding", "identity").withChunkedDribbleDelay(100, 20_000)));

		assertSignInEndsOnTheFailurePage("trickled-userinfo");

		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
		hitKey.verify(1, getRequestedFor(urlEqualTo("/oauth/userinfo")));
	}

	@Test
	void tokenAnswerLargerThan256KbEndsOnTheFailurePage() {
		String padding = "x".repeat(300 * 1024);
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(okJson("{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"padding\":\""
					+ padding + "\"}")));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo")).willReturn(okJson(HitKeyStubs.USERINFO)));

		assertSignInEndsOnTheFailurePage("huge-token");

		hitKey.verify(0, getRequestedFor(urlEqualTo("/oauth/userinfo")));
	}

	@Test
	void userinfoWithAnEmptyBodyEndsOnTheFailurePage() {
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-1", "rt-1", 3600))));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")));

		assertSignInEndsOnTheFailurePage("empty-userinfo");

		hitKey.verify(1, getRequestedFor(urlEqualTo("/oauth/userinfo")));
	}

	@Test
	void userinfoRedirectingToAnotherHostEndsOnTheFailurePage() {
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-1", "rt-1", 3600))));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo"))
			.willReturn(aResponse().withStatus(302).withHeader("Location", "https://elsewhere.example/userinfo")));

		assertSignInEndsOnTheFailurePage("redirected-userinfo");

		hitKey.verify(1, getRequestedFor(urlEqualTo("/oauth/userinfo")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1e300", "9223372036854775807", "\"soon\"", "-5", "null" })
	void unusableExpiresInSignsInForAnHourWithoutRefreshing(String expiresIn) {
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(okJson("{\"access_token\":\"at-1\",\"refresh_token\":\"rt-1\",\"token_type\":\"Bearer\","
					+ "\"expires_in\":" + expiresIn + "}")));
		hitKey.stubFor(HitKeyStubs.tokenRequest("refresh_token")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-2", "rt-2", 3600))));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo")).willReturn(okJson(HitKeyStubs.USERINFO)));
		URI authorize = this.browser.startSignIn("/me");

		List<HttpResponse<String>> hops = follow(this.browser.callback(authorize, "code-" + expiresIn.hashCode()));

		assertThat(hops).hasSize(2);
		assertThat(hops.get(1).statusCode()).isEqualTo(200);
		assertThat(hops.get(1).body()).contains(HitKeyStubs.SUB);
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> token = this.browser.get("/token", "text/plain");
			assertThat(token.statusCode()).isEqualTo(200);
			assertThat(token.body()).isEqualTo("at-1");
		}
		hitKey.verify(0, postRequestedFor(urlEqualTo("/oauth/token"))
			.withRequestBody(matchingJsonPath("$.grant_type", equalTo("refresh_token"))));
	}

	@Test
	void hitKeyCallsCarryNeitherTheFiltersNorTheDefaultHeadersOfTheApplicationsWebClientBuilder() {
		HitKeyStubs.stubSuccessfulSignIn(hitKey);

		List<HttpResponse<String>> hops = follow(this.browser.callback(this.browser.startSignIn("/me"), "code-app"));

		assertThat(hops.get(hops.size() - 1).statusCode()).isEqualTo(200);
		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token")).withHeader("X-App-Filter", absent())
			.withHeader("X-App-Default", absent()));
		hitKey.verify(1, getRequestedFor(urlEqualTo("/oauth/userinfo")).withHeader("X-App-Filter", absent())
			.withHeader("X-App-Default", absent()));
	}

	@Test
	void aWebClientTheApplicationBuildsAfterStartupKeepsItsOwnSettingsAndNoneOfHitKeys() {
		// Slower than HitKey's timeouts, and a form that HitKey's writer would turn into JSON
		hitKey.stubFor(post(urlEqualTo("/app/form")).willReturn(ok("done").withFixedDelay(5_500)));
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("name", "ada");

		String answer = this.appWebClientBuilder.build()
			.post()
			.uri(hitKey.baseUrl() + "/app/form")
			.contentType(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromFormData(form))
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(10));

		assertThat(answer).isEqualTo("done");
		hitKey.verify(postRequestedFor(urlEqualTo("/app/form")).withHeader("X-App-Filter", equalTo("yes"))
			.withHeader("X-App-Default", equalTo("yes"))
			.withRequestBody(equalTo("name=ada")));
	}

	@Test
	void otherRegistrationsGetTheirClientCredentialsThroughTheManager() {
		hitKey.stubFor(post(urlEqualTo("/partner/token")).willReturn(
				okJson("{\"access_token\":\"partner-at\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));

		OAuth2AuthorizedClient partner = this.authorizedClientManager
			.authorize(OAuth2AuthorizeRequest.withClientRegistrationId("partner")
				.principal("batch-job")
				.attribute(ServerWebExchange.class.getName(), exchange)
				.build())
			.block(Duration.ofSeconds(10));

		assertThat(partner).isNotNull();
		assertThat(partner.getAccessToken().getTokenValue()).isEqualTo("partner-at");
		hitKey.verify(1, postRequestedFor(urlEqualTo("/partner/token"))
			.withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
			.withRequestBody(containing("grant_type=client_credentials")));
	}

	@Test
	void noLogLineCarriesACodeOrATokenDuringASignInAndARefresh(CapturedOutput output) {
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-SIGNIN-7f3a9c", "rt-SIGNIN-5e2b8d", 30))));
		hitKey.stubFor(HitKeyStubs.tokenRequest("refresh_token")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-REFRESHED-1c4f6a", "rt-REFRESHED-9d0e3b", 3600))));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo")).willReturn(okJson(HitKeyStubs.USERINFO)));

		List<HttpResponse<String>> hops = follow(
				this.browser.callback(this.browser.startSignIn("/me"), "CODE-d41d8cd98f00"));
		HttpResponse<String> token = this.browser.get("/token-fingerprint", "text/plain");

		assertThat(hops.get(hops.size() - 1).statusCode()).isEqualTo(200);
		assertThat(token.body()).isEqualTo(String.valueOf("at-REFRESHED-1c4f6a".hashCode()));
		assertThat(output.getAll()).as("request lines are logged, with the code masked")
			.contains("/login/oauth2/code/hitkey?code=******");
		assertThat(output.getAll()).doesNotContain("CODE-d41d8cd98f00", "at-SIGNIN-7f3a9c", "rt-SIGNIN-5e2b8d",
				"at-REFRESHED-1c4f6a", "rt-REFRESHED-9d0e3b");
	}

	private void assertSignInEndsOnTheFailurePage(String code) {
		URI authorize = this.browser.startSignIn("/me");

		List<HttpResponse<String>> hops = follow(this.browser.callback(authorize, code));

		assertThat(hops).as("callback, then the failure page").hasSize(2);
		HttpResponse<String> page = hops.get(1);
		assertThat(page.uri().getPath()).isEqualTo("/signin-failed");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).isEqualTo(FAILURE_PAGE).doesNotContain("Exception", "at io.", "at org.");
		assertThat(this.browser.get("/me", "application/json").statusCode()).as("not signed in").isNotEqualTo(200);
	}

	/**
	 * Follow the redirects of the given answer as a browser does, hop by hop, and return
	 * every answer up to the rendered page. A loop fails the test.
	 */
	private List<HttpResponse<String>> follow(HttpResponse<String> first) {
		List<HttpResponse<String>> hops = new ArrayList<>();
		HttpResponse<String> response = first;
		hops.add(response);
		while (response.statusCode() / 100 == 3) {
			assertThat(hops).as("redirect loop").hasSizeLessThan(10);
			String location = SignInClient.location(response);
			assertThat(location).as("no new trip to HitKey").doesNotStartWith(hitKey.baseUrl());
			response = this.browser.get(response.uri().resolve(location).toString(), BROWSER_ACCEPT);
			hops.add(response);
		}
		return hops;
	}

	@Configuration(proxyBeanMethods = false)
	static class App {

		@Bean
		SecurityWebFilterChain appSecurityFilterChain(ServerHttpSecurity http) {
			http.authorizeExchange(
					(exchanges) -> exchanges.pathMatchers("/signin-failed").permitAll().anyExchange().authenticated());
			http.oauth2Login((login) -> login
				.authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/signin-failed")));
			http.oauth2Client((client) -> {
			});
			return http.build();
		}

		@Bean
		WebClient.Builder webClientBuilder() {
			return WebClient.builder()
				.filter((request, next) -> next
					.exchange(ClientRequest.from(request).header("X-App-Filter", "yes").build()))
				.defaultHeader("X-App-Default", "yes")
				// An application that logs request details must still not log HitKey's.
				.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(true));
		}

		@Bean
		AppPages appPages() {
			return new AppPages();
		}

	}

	@RestController
	static class AppPages {

		@GetMapping("/signin-failed")
		Mono<String> signInFailed() {
			return Mono.just(FAILURE_PAGE);
		}

		// The token itself, as a response body, would be logged by the application
		@GetMapping("/token-fingerprint")
		String tokenFingerprint(@RegisteredOAuth2AuthorizedClient("hitkey") OAuth2AuthorizedClient client) {
			return String.valueOf(client.getAccessToken().getTokenValue().hashCode());
		}

	}

}
