package io.hitkey.spring.autoconfigure;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.hitkey.spring.autoconfigure.HopByHopBrowser.Visit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.hitkey.spring.autoconfigure.HopByHopBrowser.HTML;
import static io.hitkey.spring.autoconfigure.HopByHopBrowser.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The README's "When things go wrong" rows about HitKey's own answers, as a browser
 * experiences them on WebFlux with the starter's default filter chain: every fault of
 * HitKey's token or userinfo endpoint ends the sign-in on the login error page, within
 * the timeouts, with one line in the log that says why; many requests of one user share
 * one refresh; many users signing in at once are each signed in as themselves.
 */
@SpringBootTest(classes = ReactiveSignInTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "hitkey.scopes=profile,email,project:read",
				"hitkey.read-timeout=2s" })
@ExtendWith(OutputCaptureExtension.class)
class HitKeyReactiveHitKeyFaultsIntegrationTests extends HitKeyStandInTestSupport {

	static final String UNREACHABLE = "HitKey could not be reached, or its answer could not be read";

	/**
	 * Far longer than a sign-in takes with HitKey's timeouts (connect 3 s and read
	 * 2 s here): a sign-in that waits for a slow HitKey fails the test.
	 */
	static final Duration BOUND = Duration.ofSeconds(10);

	/**
	 * How long a slow HitKey takes to answer: longer than {@link #BOUND}.
	 */
	static final int SLOW_MILLIS = 15_000;

	static final List<String> FAILED_SIGN_IN = List.of("/me", "/oauth2/authorization/hitkey", "/",
			"/login/oauth2/code/hitkey", "/login");

	HopByHopBrowser visitor;

	@BeforeEach
	void newVisitor() {
		this.visitor = new HopByHopBrowser(this.port);
	}

	static Stream<Arguments> tokenFaults() {
		String unreadable = "invalid_token_response: " + UNREACHABLE;
		return Stream.of(
				fault("401", HitKeyStubs.hitKeyError(401, "Unauthorized"), "invalid_token: Unauthorized"),
				fault("429 with Retry-After",
						HitKeyStubs.hitKeyError(429, "Too many requests").withHeader("Retry-After", "60"),
						"temporarily_unavailable: Too many requests"),
				fault("500", HitKeyStubs.hitKeyError(500, "Internal server error"),
						"server_error: Internal server error"),
				fault("502 with an HTML body",
						html(502, "<html><body><h1>502 Bad Gateway</h1></body></html>"),
						"server_error: HitKey answered HTTP 502"),
				fault("malformed JSON", okJson("{\"access_token\": \"at-1\", "), unreadable),
				fault("JSON that is not an object", okJson("[\"at-1\"]"), unreadable),
				fault("HTML instead of JSON", html(200, "<html>maintenance</html>"), unreadable),
				fault("empty 200", okJson(""), unreadable),
				fault("JSON without access_token", okJson("{\"token_type\":\"Bearer\",\"expires_in\":3600}"),
						unreadable),
				fault("302 to another host, with a token in its body",
						okJson(HitKeyStubs.tokenResponse("at-redirected", "rt-redirected", 3600)).withStatus(302)
							.withHeader("Location", "https://elsewhere.example.com/"),
						"invalid_request: HitKey answered HTTP 302"),
				fault("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), unreadable),
				fault("slower than the read timeout",
						okJson(HitKeyStubs.tokenResponse("at-late", "rt-late", 3600)).withFixedDelay(SLOW_MILLIS),
						unreadable),
				// Each piece well within the read timeout, the whole longer than the bound.
				// Not gzipped: WireMock would hold a gzipped answer back and send it at once.
				fault("trickled", okJson(HitKeyStubs.tokenResponse("at-trickled", "rt-trickled", 3600))
					.withHeader("Content-Encoding", "identity")
					.withChunkedDribbleDelay(150, SLOW_MILLIS), unreadable));
	}

	static Stream<Arguments> userinfoFaults() {
		String sub = "\"sub\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\"";
		return Stream.of(
				fault("401", HitKeyStubs.hitKeyError(401, "Invalid or expired access token"),
						"Invalid or expired access token"),
				fault("500", HitKeyStubs.hitKeyError(500, "Internal server error"), "Internal server error"),
				fault("503", HitKeyStubs.hitKeyError(503, "Maintenance"), "Maintenance"),
				fault("slower than the read timeout", okJson(HitKeyStubs.USERINFO).withFixedDelay(SLOW_MILLIS),
						UNREACHABLE),
				fault("larger than 256 KB", okJson("{" + sub + ",\"padding\":\"" + "x".repeat(300 * 1024) + "\"}"),
						UNREACHABLE),
				fault("without sub", okJson("{\"name\":\"No Sub\"}"), "HitKey claim 'sub' is missing"),
				fault("sub not a UUID", okJson("{\"sub\":\"12345\",\"id\":\"12345\"}"),
						"HitKey claim 'sub' is not a UUID"),
				fault("id other than sub", okJson("{" + sub + ",\"id\":\"00000000-0000-4000-8000-000000000009\"}"),
						"HitKey claim 'id' does not match claim 'sub'"),
				fault("project not an object", okJson("{" + sub + ",\"project\":\"admin\"}"),
						"HitKey claim 'project' is not an object"));
	}

	@ParameterizedTest(name = "token endpoint: {0}")
	@MethodSource("tokenFaults")
	void tokenEndpointFaultEndsOnTheLoginErrorPage(ResponseDefinitionBuilder answer, String logged,
			CapturedOutput output) {
		HitKeyAuthorizeStubs.approves(hitKey, "code-token-fault");
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code").willReturn(answer));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo")).willReturn(okJson(HitKeyStubs.USERINFO)));

		Visit visit = assertTimeoutPreemptively(BOUND, () -> this.visitor.visit("/me"));

		assertEndsOnTheLoginErrorPage(visit);
		assertThat(HitKeyAuthorizeStubs.visits(hitKey)).isOne();
		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
		hitKey.verify(0, getRequestedFor(urlEqualTo("/oauth/userinfo")));
		assertThat(output).contains("HitKey sign-in failed: " + logged)
			.doesNotContain("code-token-fault")
			.doesNotContain(HitKeyStubs.CLIENT_SECRET)
			.doesNotContain(hitKey.baseUrl() + "/oauth/token");
	}

	@ParameterizedTest(name = "userinfo: {0}")
	@MethodSource("userinfoFaults")
	void userinfoFaultEndsOnTheLoginErrorPage(ResponseDefinitionBuilder answer, String description,
			CapturedOutput output) {
		HitKeyAuthorizeStubs.approves(hitKey, "code-userinfo-fault");
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-userinfo-fault", "rt-userinfo-fault", 3600))));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo")).willReturn(answer));

		Visit visit = assertTimeoutPreemptively(BOUND, () -> this.visitor.visit("/me"));

		assertEndsOnTheLoginErrorPage(visit);
		assertThat(HitKeyAuthorizeStubs.visits(hitKey)).isOne();
		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
		hitKey.verify(1, getRequestedFor(urlEqualTo("/oauth/userinfo")));
		assertThat(output).contains("HitKey sign-in failed: invalid_user_info_response: " + description)
			.doesNotContain("code-userinfo-fault")
			.doesNotContain("at-userinfo-fault");
	}

	@Test
	void tokenAnswerWithoutTokenTypeOrExpiresInSignsInWithBearerForAnHour(CapturedOutput output) {
		HitKeyAuthorizeStubs.approves(hitKey, "code-1");
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(okJson("{\"access_token\":\"at-normalized\",\"refresh_token\":\"rt-normalized\","
					+ "\"scope\":\"openid profile email project:read\"}")));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo")).withHeader("Authorization", equalTo("Bearer at-normalized"))
			.willReturn(okJson(HitKeyStubs.USERINFO)));

		Visit visit = this.visitor.visit("/me");

		HttpResponse<String> page = visit.assertEndsOnApplicationPage(this.visitor.origin(), 200, 4);
		assertThat(page.uri().getPath()).isEqualTo("/me");
		assertThat(page.body()).contains(HitKeyStubs.SUB);
		assertThat(this.visitor.get("/token", JSON).body()).isEqualTo("at-normalized");
		assertThat(HitKeyAuthorizeStubs.visits(hitKey)).isOne();
		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
		hitKey.verify(1, getRequestedFor(urlEqualTo("/oauth/userinfo")));
		assertThat(output).contains("HitKey's token response has no token_type: assuming Bearer")
			.contains("HitKey's token response has no expires_in: assuming 3600 seconds")
			.doesNotContain("at-normalized")
			.doesNotContain("rt-normalized");
	}

	@Test
	void fiftyConcurrentRequestsWithAnExpiredTokenRefreshItOnce() throws Exception {
		String expiring = "at-expiring-" + UUID.randomUUID();
		HitKeyAuthorizeStubs.approves(hitKey, "code-1");
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(okJson(HitKeyStubs.tokenResponse(expiring, "rt-1", 30))));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo")).willReturn(okJson(HitKeyStubs.USERINFO)));
		this.visitor.visit("/me").assertEndsOnApplicationPage(this.visitor.origin(), 200, 4);
		// A slow HitKey widens the window in which the requests overlap.
		hitKey.stubFor(HitKeyStubs.tokenRequest("refresh_token")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-refreshed", "rt-2", 3600)).withFixedDelay(300)));

		List<HttpResponse<String>> answers = concurrently(50, (i) -> () -> this.visitor.get("/token", JSON));

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.body()).isEqualTo("at-refreshed");
		});
		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token"))
			.withRequestBody(matchingJsonPath("$.grant_type", equalTo("refresh_token"))));
		assertThat(this.visitor.get("/token", JSON).body()).isEqualTo("at-refreshed");
		hitKey.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
	}

	@Test
	void twentyUsersSigningInAtOnceAreEachSignedInAsThemselves() throws Exception {
		int users = 20;
		List<String> subs = new ArrayList<>();
		HitKeyAuthorizeStubs.waits(hitKey);
		for (int i = 0; i < users; i++) {
			String sub = UUID.randomUUID().toString();
			subs.add(sub);
			hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
				.withRequestBody(matchingJsonPath("$.code", equalTo("code-user-" + i)))
				.willReturn(okJson(HitKeyStubs.tokenResponse("at-user-" + i, "rt-user-" + i, 3600))));
			hitKey.stubFor(get(urlEqualTo("/oauth/userinfo")).withHeader("Authorization", equalTo("Bearer at-user-" + i))
				.willReturn(okJson(HitKeyStubs.USERINFO.replace(HitKeyStubs.SUB, sub))));
		}

		List<HttpResponse<String>> pages = concurrently(users, (i) -> () -> signInAs(new HopByHopBrowser(this.port), i));

		for (int i = 0; i < users; i++) {
			assertThat(pages.get(i).body()).as("user %d", i).contains(subs.get(i));
		}
		assertThat(HitKeyAuthorizeStubs.visits(hitKey)).isEqualTo(users);
		hitKey.verify(users, postRequestedFor(urlEqualTo("/oauth/token")));
		hitKey.verify(users, getRequestedFor(urlEqualTo("/oauth/userinfo")));
	}

	/**
	 * Sign in from a protected page, the user approving at HitKey's sign-in page with the
	 * code of user {@code i}, and return the page that rendered.
	 */
	private HttpResponse<String> signInAs(HopByHopBrowser browser, int i) {
		Visit toHitKey = browser.visit("/me");
		assertThat(toHitKey.page().body()).isEqualTo(HitKeyAuthorizeStubs.PAGE);
		URI authorize = toHitKey.page().uri();
		Visit visit = browser.follow(browser.get(SignInClient.query(authorize).get("redirect_uri") + "?code=code-user-"
				+ i + "&state=" + SignInClient.query(authorize).get("state"), HTML));
		HttpResponse<String> page = visit.assertEndsOnApplicationPage(browser.origin(), 200, 1);
		assertThat(page.uri().getPath()).isEqualTo("/me");
		return page;
	}

	private static <T> List<T> concurrently(int count, IntFunction<Callable<T>> task)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				Callable<T> work = task.apply(i);
				futures.add(pool.submit(() -> {
					start.await();
					return work.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void assertEndsOnTheLoginErrorPage(Visit visit) {
		HttpResponse<String> page = visit.assertEndsOnApplicationPage(this.visitor.origin(), 200, 4);
		assertThat(visit.paths()).containsExactlyElementsOf(FAILED_SIGN_IN);
		assertThat(page.uri().getQuery()).isEqualTo("error");
		assertThat(page.body()).contains("Invalid credentials")
			.contains("href=\"/oauth2/authorization/hitkey\"")
			.doesNotContain(hitKey.baseUrl());
		assertThat(this.visitor.get("/me", JSON).statusCode()).as("signed in after a failed sign-in").isEqualTo(401);
	}

	private static Arguments fault(String name, ResponseDefinitionBuilder answer, String logged) {
		return Arguments.of(Named.of(name, answer), logged);
	}

	private static ResponseDefinitionBuilder html(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "text/html").withBody(body);
	}

}
