package io.hitkey.spring.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FakeHitKey}: HitKey's relying-party contract, over real HTTP.
 */
@ExtendWith(OutputCaptureExtension.class)
class FakeHitKeyTests {

	private static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/hitkey";

	private final MutableClock clock = new MutableClock();

	private final FakeHitKey hitKey = FakeHitKey.builder().clock(this.clock).build().start();

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final FakeHitKeyUser ada = this.hitKey.users().get(0);

	@AfterEach
	void stop() {
		this.hitKey.close();
	}

	@Test
	void leavesNoSystemPropertyBehind() {
		try (FakeHitKey another = FakeHitKey.builder().build().start()) {
			assertThat(System.getProperties()).doesNotContainKeys("sun.net.httpserver.maxIdleConnections",
					"sun.net.httpserver.nodelay");
		}
	}

	@Test
	void authorizePageListsTheTestUsers() {
		HttpResponse<String> page = get(authorizeUrl(Map.of()));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("Ada Lovelace", "ada@example.com", "admin", "Grace Hopper", "member",
				"Taro Yamada", "owner", "Sign in as someone else");
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			client_id     | someone-else                              | Invalid client_id
			redirect_uri  | https://evil.example.com/login/oauth2/code | redirect_uri doesn&#39;t match
			redirect_uri  | not a url                                 | redirect_uri doesn&#39;t match
			response_type | token                                     | response_type must be code
			state         | ''                                        | state is required
			""")
	void authorizeRequestsAreValidated(String parameter, String value, String message) {
		HttpResponse<String> page = get(authorizeUrl(Map.of(parameter, value)));

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains(message);
	}

	@Test
	void registeredRedirectUriMatchesByHitKeysRules() {
		try (FakeHitKey strict = FakeHitKey.builder().redirectUri(REDIRECT_URI + "/").build().start()) {
			String base = strict.authUrl() + "/?client_id=" + strict.clientId()
					+ "&response_type=code&state=s&redirect_uri=";
			assertThat(get(base + encode(REDIRECT_URI)).statusCode()).isEqualTo(200);
			assertThat(get(base + encode(encode(REDIRECT_URI))).statusCode()).isEqualTo(200);
			assertThat(get(base + encode("http://localhost:8081/login/oauth2/code/hitkey")).statusCode())
				.isEqualTo(400);
			assertThat(get(base + encode("https://localhost:8080/login/oauth2/code/hitkey")).statusCode())
				.isEqualTo(400);
			assertThat(get(base + encode("http://localhost:8080/login/oauth2/code/other")).statusCode())
				.isEqualTo(400);
		}
	}

	@Test
	void aRedirectUriThatDoesNotMatchIsShownWithTheExpectedOneAndALinkBackAndLogged(CapturedOutput output) {
		try (FakeHitKey strict = FakeHitKey.builder().redirectUri(REDIRECT_URI).build().start()) {
			String sent = "http://127.0.0.1:8080/login/oauth2/code/hitkey?x=1&y='";
			HttpResponse<String> page = get(strict.authUrl() + "/?client_id=" + strict.clientId()
					+ "&response_type=code&state=s&redirect_uri=" + encode(sent));

			assertThat(page.statusCode()).isEqualTo(400);
			assertThat(page.body()).contains("<p class=\"error\">redirect_uri doesn&#39;t match</p>",
					"The application sent the redirect URI <code>"
							+ "http://127.0.0.1:8080/login/oauth2/code/hitkey?x=1&amp;y=&#39;</code>, "
							+ "but the registered redirect URI is " + REDIRECT_URI + ".",
					"<a href=\"http://127.0.0.1:8080\">Back to http://127.0.0.1:8080</a>");
			assertThat(output).contains("WARN")
				.contains("Fake HitKey refused a sign-in, redirect_uri doesn't match: the application sent " + sent
						+ ", the registered redirect URI is " + REDIRECT_URI);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)//localhost", "not a url", "http://localhost:8080/<script>" })
	void aRedirectUriThatIsNoHttpUrlGetsNoLinkBack(String sent) {
		HttpResponse<String> page = get(authorizeUrl(Map.of("redirect_uri", sent)));

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("redirect_uri doesn&#39;t match",
				"but this fake HitKey accepts redirect URIs on this machine only (localhost, 127.x.x.x, [::1]).")
			.doesNotContain("<a ", "<script>");
	}

	@Test
	void aLineBreakInTheRedirectUriCannotForgeALogLine(CapturedOutput output) {
		get(authorizeUrl(Map.of("redirect_uri", "https://evil.example.com/\nFORGED")));

		assertThat(output.toString().lines().filter((line) -> line.startsWith("FORGED"))).isEmpty();
		assertThat(output).contains("the application sent https://evil.example.com/ FORGED, this fake HitKey");
	}

	@Test
	void choosingAUserRedirectsBackWithCodeAndState() {
		HttpResponse<String> answer = post(this.hitKey.authUrl() + "/approve", form(authorizeParameters(Map.of()),
				"user", this.ada.sub().toString()));

		assertThat(answer.statusCode()).isEqualTo(302);
		Map<String, String> query = query(answer);
		assertThat(answer.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT_URI + "?");
		assertThat(query).containsEntry("state", "state-1").containsKey("code");
	}

	@Test
	void adHocUserCanSignIn() {
		Map<String, String> parameters = authorizeParameters(Map.of("scope", "openid profile email project:read"));
		HttpResponse<String> answer = post(this.hitKey.authUrl() + "/approve",
				form(parameters, "name", "Edsger Dijkstra", "email", "edsger@example.com", "role", "member",
						"permissions", "can_review, can_merge"));

		JsonNode claims = userinfo(accessToken(exchangeCode(query(answer).get("code"), null)));

		assertThat(claims.get("name").asString()).isEqualTo("Edsger Dijkstra");
		assertThat(claims.get("email").asString()).isEqualTo("edsger@example.com");
		assertThat(claims.get("project").get("role").asString()).isEqualTo("member");
		assertThat(claims.get("project").get("permissions").toString()).isEqualTo("[\"can_review\",\"can_merge\"]");
	}

	@Test
	void refusingRedirectsBackWithAccessDenied() {
		HttpResponse<String> answer = post(this.hitKey.authUrl() + "/deny", form(authorizeParameters(Map.of())));

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(query(answer)).containsEntry("error", "access_denied").containsEntry("state", "state-1");
	}

	@Test
	void autoApproveSkipsThePage() {
		this.hitKey.autoApprove(this.ada);

		HttpResponse<String> answer = get(authorizeUrl(Map.of()));

		assertThat(answer.statusCode()).isEqualTo(302);
		JsonNode claims = userinfo(accessToken(exchangeCode(query(answer).get("code"), null)));
		assertThat(claims.get("sub").asString()).isEqualTo(this.ada.sub().toString());
	}

	@Test
	void codeExchangeAnswersLikeHitKey() {
		JsonNode token = json(exchangeCode(signIn(Map.of("scope", "openid profile email")), null));

		assertThat(token.get("access_token").asString()).isNotBlank();
		assertThat(token.get("refresh_token").asString()).isNotBlank();
		assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(token.get("expires_in").asLong()).isEqualTo(3600);
		assertThat(token.get("scope").asString()).isEqualTo("openid profile email");
		assertThat(token.has("id_token")).isFalse();
		assertThat(this.hitKey.tokenCalls("authorization_code")).isEqualTo(1);
	}

	@Test
	void codeIsSingleUse() {
		String code = signIn(Map.of());
		assertThat(exchangeCode(code, null).statusCode()).isEqualTo(200);

		HttpResponse<String> replay = exchangeCode(code, null);

		assertHitKeyError(replay, 400, "Invalid or expired authorization code");
	}

	@Test
	void codeExpiresAfterTenMinutes() {
		String code = signIn(Map.of());
		this.clock.advance(Duration.ofMinutes(10).plusSeconds(1));

		assertHitKeyError(exchangeCode(code, null), 400, "Invalid or expired authorization code");
	}

	@Test
	void tokenRequestsAreValidated() {
		String code = signIn(Map.of());
		Map<String, String> valid = codeRequest(code, null);
		assertHitKeyError(postJson(without(valid, "client_id", "someone")), 400, "Invalid client_id");
		assertHitKeyError(postJson(without(valid, "client_secret", "wrong")), 400, "Invalid client credentials");
		assertHitKeyError(postJson(without(valid, "redirect_uri", "http://localhost:9999/callback")), 400,
				"redirect_uri doesn't match");
		assertHitKeyError(postJson(without(valid, "code", "made-up")), 400, "Invalid or expired authorization code");
		assertHitKeyError(post(this.hitKey.apiUrl() + "/oauth/token", form(valid)), 400,
				"Content-Type must be application/json");
		assertHitKeyError(postJson("{not json"), 400, "Invalid JSON body");
		assertHitKeyError(postJson(without(valid, "grant_type", "password")), 400, "Unsupported grant_type");
	}

	@Test
	void pkceIsVerifiedWhenTheAuthorizeRequestHadAChallenge() throws Exception {
		String verifier = "a-verifier-that-is-long-enough-for-pkce-0123456789";
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		Map<String, String> pkce = Map.of("code_challenge", challenge, "code_challenge_method", "S256");

		assertHitKeyError(exchangeCode(signIn(pkce), "wrong-verifier"), 400, "Invalid code_verifier");
		assertHitKeyError(exchangeCode(signIn(pkce), null), 400, "Invalid code_verifier");
		assertThat(exchangeCode(signIn(pkce), verifier).statusCode()).isEqualTo(200);
	}

	@Test
	void refreshKeepsTheRefreshTokenAndIssuesANewAccessToken() {
		JsonNode first = json(exchangeCode(signIn(Map.of()), null));
		String refreshToken = first.get("refresh_token").asString();

		JsonNode refreshed = json(refresh(refreshToken));
		JsonNode again = json(refresh(refreshToken));

		assertThat(refreshed.get("refresh_token").asString()).isEqualTo(refreshToken);
		assertThat(again.get("refresh_token").asString()).isEqualTo(refreshToken);
		assertThat(refreshed.get("access_token").asString()).isNotEqualTo(first.get("access_token").asString());
		assertThat(userinfo(refreshed.get("access_token").asString()).get("sub").asString())
			.isEqualTo(this.ada.sub().toString());
		assertThat(this.hitKey.tokenCalls("refresh_token")).isEqualTo(2);
	}

	@Test
	void revokedRefreshTokenIsRefused() {
		String refreshToken = json(exchangeCode(signIn(Map.of()), null)).get("refresh_token").asString();
		this.hitKey.revokeRefreshTokens();

		assertHitKeyError(refresh(refreshToken), 400, "Invalid or expired refresh token");
	}

	@Test
	void accessTokenLifetimeIsConfigurableAndEnforced() {
		this.hitKey.accessTokenLifetime(Duration.ofSeconds(90));
		JsonNode token = json(exchangeCode(signIn(Map.of()), null));
		assertThat(token.get("expires_in").asLong()).isEqualTo(90);
		String accessToken = token.get("access_token").asString();
		assertThat(getWithToken(accessToken).statusCode()).isEqualTo(200);

		this.clock.advance(Duration.ofSeconds(91));

		HttpResponse<String> expired = getWithToken(accessToken);
		assertHitKeyError(expired, 401, "Invalid or expired access token");
		assertThat(expired.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
	}

	@ParameterizedTest(name = "scope={0}")
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			none                              | sub,id,name,given_name,family_name,display_name,preferred_username,native_script,preferred_order,email,project
			openid                            | sub,id
			openid email                      | sub,id,email
			openid profile                    | sub,id,name,given_name,family_name,display_name,preferred_username,native_script,preferred_order
			openid project:read               | sub,id,project
			openid unknown:scope email        | sub,id,email
			profile                           | sub,id,name,given_name,family_name,display_name,preferred_username,native_script,preferred_order
			""")
	void userinfoClaimsFollowTheGrantedScopes(String scope, String claims) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (scope != null) {
			parameters.put("scope", scope);
		}
		JsonNode userinfo = userinfo(accessToken(exchangeCode(signIn(parameters), null)));

		assertThat(userinfo.propertyNames()).containsExactlyElementsOf(List.of(claims.split(",")));
		assertThat(userinfo.get("id").asString()).isEqualTo(userinfo.get("sub").asString());
	}

	@Test
	void clientWithoutProjectGetsNoProjectClaim() {
		try (FakeHitKey noProject = FakeHitKey.builder().project(null).autoApprove(this.ada).build().start()) {
			HttpResponse<String> authorize = get(noProject.authUrl() + "/?client_id=" + noProject.clientId()
					+ "&response_type=code&state=s&scope=openid%20project:read&redirect_uri=" + encode(REDIRECT_URI));
			String code = query(authorize).get("code");
			Map<String, String> request = new LinkedHashMap<>(codeRequest(code, null));
			request.put("client_id", noProject.clientId());
			HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(noProject.apiUrl() + "/oauth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(request))));
			assertThat(json(token).get("scope").asString()).isEqualTo("openid");
		}
	}

	@Test
	void healthNeedsNoAuthentication() {
		HttpResponse<String> health = get(this.hitKey.apiUrl() + "/health");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
	}

	@Test
	void scriptedStatusFaultAnswersTheNextCallsThenStops() {
		String refreshToken = json(exchangeCode(signIn(Map.of()), null)).get("refresh_token").asString();
		this.hitKey.failNext(FakeHitKey.Endpoint.TOKEN, 2, FakeHitKeyFault.error(503, "Maintenance"));

		assertHitKeyError(refresh(refreshToken), 503, "Maintenance");
		assertHitKeyError(refresh(refreshToken), 503, "Maintenance");
		assertThat(refresh(refreshToken).statusCode()).isEqualTo(200);
		assertThat(this.hitKey.calls(FakeHitKey.Endpoint.TOKEN)).isEqualTo(4);
	}

	@Test
	void scriptedBodyFaultAnswersWithThatBody() {
		this.hitKey.failNext(FakeHitKey.Endpoint.USERINFO, 1,
				FakeHitKeyFault.status(502, "<html>Bad Gateway</html>", "text/html"));

		HttpResponse<String> answer = getWithToken("any");

		assertThat(answer.statusCode()).isEqualTo(502);
		assertThat(answer.body()).isEqualTo("<html>Bad Gateway</html>");
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/html");
	}

	@Test
	void scriptedDelayDelaysTheAnswer() {
		this.hitKey.failNext(FakeHitKey.Endpoint.HEALTH, 1, FakeHitKeyFault.delay(Duration.ofMillis(600)));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.hitKey.apiUrl() + "/health"))
			.timeout(Duration.ofMillis(200));

		assertThatIOException().isThrownBy(() -> this.http.send(request.build(), HttpResponse.BodyHandlers.ofString()))
			.withMessageContaining("timed out");
		assertThat(get(this.hitKey.apiUrl() + "/health").statusCode()).isEqualTo(200);
	}

	@Test
	void scriptedDropClosesTheConnectionWithoutAnAnswer() {
		this.hitKey.failNext(FakeHitKey.Endpoint.TOKEN, 1, FakeHitKeyFault.dropConnection());
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.hitKey.apiUrl() + "/oauth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(codeRequest("c", null))))
			.build();

		assertThatIOException().isThrownBy(() -> this.http.send(request, HttpResponse.BodyHandlers.ofString()))
			.withMessageContaining("received no bytes");
		assertThat(this.hitKey.calls(FakeHitKey.Endpoint.TOKEN)).isEqualTo(1);
	}

	@Test
	void droppedGetIsRetriedOnceByTheJdkClient() {
		this.hitKey.failNext(FakeHitKey.Endpoint.HEALTH, 1, FakeHitKeyFault.dropConnection());

		assertThat(get(this.hitKey.apiUrl() + "/health").statusCode()).isEqualTo(200);
		assertThat(this.hitKey.calls(FakeHitKey.Endpoint.HEALTH)).isEqualTo(2);
	}

	@Test
	void faultedTokenCallsAreCountedByGrantType() {
		this.hitKey.failNext(FakeHitKey.Endpoint.TOKEN, 2, FakeHitKeyFault.error(500, "down"));

		refresh("hkrt_unknown");
		refresh("hkrt_unknown");

		assertThat(this.hitKey.tokenCalls("refresh_token")).isEqualTo(2);
	}

	@Test
	void unknownPathsAreNotFoundAndNeitherCountedNorFaulted() {
		this.hitKey.failNext(FakeHitKey.Endpoint.AUTHORIZE, 1, FakeHitKeyFault.error(500, "down"));

		assertThat(get(this.hitKey.authUrl() + "/favicon.ico").statusCode()).isEqualTo(404);
		assertThat(get(this.hitKey.apiUrl() + "/oauth/token/extra").statusCode()).isEqualTo(404);

		assertThat(this.hitKey.calls(FakeHitKey.Endpoint.AUTHORIZE)).isZero();
		assertThat(get(authorizeUrl(Map.of())).statusCode()).isEqualTo(500);
	}

	@Test
	void onlyLoopbackHostsAreAcceptedWithoutARegisteredRedirectUri() {
		assertThat(get(authorizeUrl(Map.of("redirect_uri", "http://127.0.0.1:9/cb"))).statusCode()).isEqualTo(200);
		assertThat(get(authorizeUrl(Map.of("redirect_uri", "http://127.evil.example/cb"))).statusCode())
			.isEqualTo(400);
		assertThat(get(authorizeUrl(Map.of("redirect_uri", "http://localhost.evil.example/cb"))).statusCode())
			.isEqualTo(400);
	}

	@Test
	void encodedRedirectUriIsDecodedBeforeRedirecting() {
		this.hitKey.autoApprove(this.ada);

		HttpResponse<String> answer = get(authorizeUrl(Map.of("redirect_uri", encode(REDIRECT_URI))));

		assertThat(answer.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT_URI + "?code=");
	}

	@Test
	void refreshTokenExpiresThirtyDaysAfterItsLastUse() {
		String refreshToken = json(exchangeCode(signIn(Map.of()), null)).get("refresh_token").asString();
		this.clock.advance(Duration.ofDays(29));
		assertThat(refresh(refreshToken).statusCode()).isEqualTo(200);
		this.clock.advance(Duration.ofDays(29));
		assertThat(refresh(refreshToken).statusCode()).as("the window slides with each use").isEqualTo(200);

		this.clock.advance(Duration.ofDays(30));

		assertHitKeyError(refresh(refreshToken), 400, "Invalid or expired refresh token");
	}

	@Test
	void refreshTokenExpiresNinetyDaysAfterItWasIssuedHoweverOftenItIsUsed() {
		String refreshToken = json(exchangeCode(signIn(Map.of()), null)).get("refresh_token").asString();
		for (int day = 0; day < 85; day += 17) {
			this.clock.advance(Duration.ofDays(17));
			assertThat(refresh(refreshToken).statusCode()).isEqualTo(200);
		}

		this.clock.advance(Duration.ofDays(6));

		assertHitKeyError(refresh(refreshToken), 400, "Invalid or expired refresh token");
	}

	@Test
	void faultCanCarryHeaders() {
		this.hitKey.failNext(FakeHitKey.Endpoint.TOKEN, 1,
				FakeHitKeyFault.error(429, "Too many requests").withHeader("Retry-After", "60"));

		HttpResponse<String> answer = refresh("hkrt_any");

		assertHitKeyError(answer, 429, "Too many requests");
		assertThat(answer.headers().firstValue("Retry-After")).hasValue("60");
	}

	@Test
	void trickleSendsTheBodySlowly() {
		this.hitKey.failNext(FakeHitKey.Endpoint.HEALTH, 1,
				FakeHitKeyFault.trickle(200, "{\"status\":\"slow\"}", "application/json", Duration.ofMillis(40)));

		long start = System.nanoTime();
		HttpResponse<String> answer = get(this.hitKey.apiUrl() + "/health");

		assertThat(answer.body()).isEqualTo("{\"status\":\"slow\"}");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(500));
	}

	@Test
	void faultsAreValidated() {
		assertThatIllegalArgumentException().isThrownBy(() -> FakeHitKeyFault.status(102, "", "text/plain"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FakeHitKeyFault.trickle(200, "", "text/plain", Duration.ZERO));
	}

	@Test
	void resetForgetsFaultsAndCounts() {
		this.hitKey.failNext(FakeHitKey.Endpoint.HEALTH, 5, FakeHitKeyFault.error(500, "down"));
		this.hitKey.autoApprove(this.ada);
		get(this.hitKey.apiUrl() + "/health");

		this.hitKey.reset();

		assertThat(this.hitKey.calls(FakeHitKey.Endpoint.HEALTH)).isZero();
		assertThat(get(this.hitKey.apiUrl() + "/health").statusCode()).isEqualTo(200);
		assertThat(get(authorizeUrl(Map.of())).statusCode()).isEqualTo(200);
	}

	private String signIn(Map<String, String> overrides) {
		HttpResponse<String> answer = post(this.hitKey.authUrl() + "/approve",
				form(authorizeParameters(overrides), "user", this.ada.sub().toString()));
		assertThat(answer.statusCode()).isEqualTo(302);
		return query(answer).get("code");
	}

	private Map<String, String> authorizeParameters(Map<String, String> overrides) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("client_id", this.hitKey.clientId());
		parameters.put("redirect_uri", REDIRECT_URI);
		parameters.put("response_type", "code");
		parameters.put("state", "state-1");
		parameters.putAll(overrides);
		return parameters;
	}

	private String authorizeUrl(Map<String, String> overrides) {
		return this.hitKey.authUrl() + "/?" + form(authorizeParameters(overrides));
	}

	private Map<String, String> codeRequest(String code, String verifier) {
		Map<String, String> request = new LinkedHashMap<>();
		request.put("grant_type", "authorization_code");
		request.put("code", code);
		request.put("client_id", this.hitKey.clientId());
		request.put("client_secret", this.hitKey.clientSecret());
		request.put("redirect_uri", REDIRECT_URI);
		if (verifier != null) {
			request.put("code_verifier", verifier);
		}
		return request;
	}

	private HttpResponse<String> exchangeCode(String code, String verifier) {
		return postJson(codeRequest(code, verifier));
	}

	private HttpResponse<String> refresh(String refreshToken) {
		return postJson(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id",
				this.hitKey.clientId(), "client_secret", this.hitKey.clientSecret()));
	}

	private static Map<String, String> without(Map<String, String> request, String name, String replacement) {
		Map<String, String> changed = new LinkedHashMap<>(request);
		changed.put(name, replacement);
		return changed;
	}

	private String accessToken(HttpResponse<String> tokenResponse) {
		assertThat(tokenResponse.statusCode()).isEqualTo(200);
		return json(tokenResponse).get("access_token").asString();
	}

	private JsonNode userinfo(String accessToken) {
		HttpResponse<String> answer = getWithToken(accessToken);
		assertThat(answer.statusCode()).isEqualTo(200);
		return json(answer);
	}

	private HttpResponse<String> getWithToken(String accessToken) {
		return send(HttpRequest.newBuilder(URI.create(this.hitKey.apiUrl() + "/oauth/userinfo"))
			.header("Authorization", "Bearer " + accessToken));
	}

	private static void assertHitKeyError(HttpResponse<String> answer, int status, String message) {
		assertThat(answer.statusCode()).isEqualTo(status);
		assertThat(json(answer).get("error").asString()).isEqualTo(message);
	}

	private HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)));
	}

	private HttpResponse<String> post(String url, String form) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private HttpResponse<String> postJson(Map<String, String> body) {
		return postJson(JsonMapper.shared().writeValueAsString(body));
	}

	private HttpResponse<String> postJson(String body) {
		return send(HttpRequest.newBuilder(URI.create(this.hitKey.apiUrl() + "/oauth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String form(Map<String, String> parameters, String... more) {
		Map<String, String> all = new LinkedHashMap<>(parameters);
		for (int i = 0; i < more.length; i += 2) {
			all.put(more[i], more[i + 1]);
		}
		StringBuilder form = new StringBuilder();
		all.forEach((name, value) -> form.append((form.length() > 0) ? "&" : "")
			.append(encode(name))
			.append('=')
			.append(encode(value)));
		return form.toString();
	}

	private static Map<String, String> query(HttpResponse<String> redirect) {
		URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
		return Exchanges.formFields(location.getRawQuery());
	}

	private static JsonNode json(HttpResponse<String> answer) {
		return JsonMapper.shared().readTree(answer.body());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static final class MutableClock extends Clock {

		private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
