package io.hitkey.spring.starter.relay;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.hitkey.spring.starter.failures.Visitor;
import io.hitkey.spring.starter.failures.Visitor.Journey;
import io.hitkey.spring.test.AutoConfigureFakeHitKey;
import io.hitkey.spring.test.FakeHitKey;
import io.hitkey.spring.test.FakeHitKey.Endpoint;
import io.hitkey.spring.test.FakeHitKeyFault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An HTTP service interface annotated with {@code @ClientRegistrationId("hitkey")} calls
 * the orders service (a WireMock server) with the signed-in user's HitKey access token,
 * over real HTTP, on either stack: the token refreshed on the way once when expired, a
 * refused refresh ending as anywhere else in the application (sign in again, or
 * {@code 401}), HitKey down during the refresh answered {@code 503}.
 */
@AutoConfigureFakeHitKey
public abstract class TokenRelayTestSupport {

	private static final Map<String, String> API = Map.of("Accept", "application/json");

	private static WireMockServer downstream;

	@Autowired
	private FakeHitKey hitKey;

	@LocalServerPort
	private int port;

	private Visitor browser;

	@BeforeAll
	static void startDownstream() {
		downstream = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
		downstream.start();
		downstream.stubFor(get("/orders").willReturn(okJson("[{\"id\":\"1\",\"item\":\"A book\"}]")));
	}

	@DynamicPropertySource
	static void ordersService(DynamicPropertyRegistry registry) {
		registry.add("spring.http.serviceclient.orders.base-url", () -> downstream.baseUrl());
	}

	@AfterAll
	static void stopDownstream() {
		downstream.stop();
	}

	@BeforeEach
	void newBrowser() {
		downstream.resetRequests();
		this.browser = new Visitor(this.port);
	}

	@Test
	void callsTheOtherServiceWithTheSignedInUsersAccessToken() throws Exception {
		assertThat(this.browser.browse("/me").page().statusCode()).isEqualTo(200);

		HttpResponse<String> orders = this.browser.get("/my-orders", API);

		assertThat(orders.statusCode()).isEqualTo(200);
		assertThat(orders.body()).contains("\"item\":\"A book\"");
		String token = storedToken();
		assertThat(downstreamAuthorizations()).containsExactly("Bearer " + token);
		assertThat(userinfoStatus(token)).as("a token HitKey accepts").isEqualTo(200);
		assertThat(this.hitKey.tokenCalls("refresh_token")).isZero();
	}

	@Test
	void expiredAccessTokenIsRefreshedOnceOnTheWay() throws Exception {
		signInWithTokensThatNeedRefresh();
		String expired = storedToken();

		HttpResponse<String> first = this.browser.get("/my-orders", API);
		HttpResponse<String> second = this.browser.get("/my-orders", API);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(this.hitKey.tokenCalls("refresh_token")).isEqualTo(1);
		String refreshed = storedToken();
		assertThat(refreshed).isNotEqualTo(expired);
		assertThat(downstreamAuthorizations()).containsExactly("Bearer " + refreshed, "Bearer " + refreshed);
		assertThat(userinfoStatus(refreshed)).as("a token HitKey accepts").isEqualTo(200);
	}

	@Test
	void refusedRefreshSendsABrowserToSignInAgainAndBackToItsPage() {
		signInWithTokensThatNeedRefresh();
		this.hitKey.revokeRefreshTokens();
		this.hitKey.accessTokenLifetime(Duration.ofHours(1));

		Journey journey = this.browser.browse("/my-orders");

		assertThat(journey.hops()).as(journey.toString())
			.extracting((hop) -> hop.uri().getPath())
			.containsExactlyElementsOf(signInAgainPaths());
		assertThat(journey.page().statusCode()).as(journey.toString()).isEqualTo(200);
		assertThat(journey.page().uri().getPort()).isEqualTo(this.port);
		assertThat(journey.page().body()).contains("\"item\":\"A book\"").doesNotContain("Exception");
		assertThat(this.hitKey.tokenCalls("refresh_token")).isEqualTo(1);
		assertThat(this.hitKey.tokenCalls("authorization_code")).isEqualTo(2);
		assertThat(downstreamAuthorizations()).as("only after the new sign-in").containsExactly("Bearer " + storedToken());
	}

	@Test
	void refusedRefreshGivesAnApiClient401() {
		signInWithTokensThatNeedRefresh();
		this.hitKey.revokeRefreshTokens();

		HttpResponse<String> orders = this.browser.get("/my-orders", API);

		assertThat(orders.statusCode()).isEqualTo(401);
		assertThat(orders.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).contains("/oauth2/authorization/hitkey"));
		assertThat(orders.headers().firstValue("Location")).isEmpty();
		assertThat(orders.body()).doesNotContain("Exception");
		assertThat(downstreamAuthorizations()).isEmpty();
		assertThat(this.browser.get("/me", API).statusCode()).as("signed out").isEqualTo(401);
	}

	@Test
	void hitKeyDownDuringTheRefreshAnswers503WithRetryAfterAndKeepsTheSession() {
		signInWithTokensThatNeedRefresh();
		this.hitKey.failNext(Endpoint.TOKEN, 2, FakeHitKeyFault.error(503, "Maintenance"));

		HttpResponse<String> fromAnApiClient = this.browser.get("/my-orders", API);
		Journey fromABrowser = this.browser.browse("/my-orders");

		assertThat(fromAnApiClient.statusCode()).isEqualTo(503);
		assertThat(fromAnApiClient.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(fromAnApiClient.body()).doesNotContain("Exception").doesNotContain("hkrt_");
		assertThat(fromABrowser.redirects()).as(fromABrowser.toString()).isZero();
		assertThat(fromABrowser.page().statusCode()).isEqualTo(503);
		assertThat(fromABrowser.page().headers().firstValue("Retry-After")).hasValue("30");
		assertThat(downstreamAuthorizations()).isEmpty();
		assertThat(this.browser.get("/me", API).statusCode()).as("still signed in").isEqualTo(200);
		assertThat(this.browser.get("/my-orders", API).statusCode()).as("HitKey back").isEqualTo(200);
		assertThat(this.hitKey.tokenCalls("authorization_code")).isEqualTo(1);
	}

	/**
	 * Return the path of each answer a browser gets from a page that needs a new sign-in
	 * at {@code /my-orders} until it is back there, signed in.
	 */
	protected abstract List<String> signInAgainPaths();

	private void signInWithTokensThatNeedRefresh() {
		// Spring Security refreshes a token that expires within a minute.
		this.hitKey.accessTokenLifetime(Duration.ofSeconds(30));
		Journey journey = this.browser.browse("/me");
		assertThat(journey.page().statusCode()).as(journey.toString()).isEqualTo(200);
		this.hitKey.accessTokenLifetime(Duration.ofHours(1));
	}

	private String storedToken() {
		HttpResponse<String> stored = this.browser.get("/stored-token", API);
		assertThat(stored.statusCode()).isEqualTo(200);
		return stored.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
	}

	private static List<String> downstreamAuthorizations() {
		return downstream.findAll(getRequestedFor(urlEqualTo("/orders")))
			.stream()
			.map((request) -> request.getHeader("Authorization"))
			.toList();
	}

	private int userinfoStatus(String token) throws Exception {
		HttpRequest userinfo = HttpRequest.newBuilder(URI.create(this.hitKey.apiUrl() + "/oauth/userinfo"))
			.header("Authorization", "Bearer " + token)
			.build();
		return HttpClient.newHttpClient().send(userinfo, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
