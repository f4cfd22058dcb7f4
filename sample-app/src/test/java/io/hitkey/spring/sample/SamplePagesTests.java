package io.hitkey.spring.sample;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.hitkey.spring.test.FakeHitKey;
import io.hitkey.spring.test.FakeHitKey.Endpoint;
import io.hitkey.spring.test.FakeHitKeyFault;
import io.hitkey.spring.test.FakeHitKeyUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's pages over real HTTP, in demo mode, every redirect followed hop by hop:
 * the profile and its refresh, the admin link, the sign-in failure page and the error
 * page opened directly.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SamplePagesTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern HIDDEN_FIELD = Pattern.compile("type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\"");

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Autowired
	FakeHitKey demoHitKey;

	@LocalServerPort
	int port;

	@AfterEach
	void resetHitKey() {
		this.demoHitKey.reset();
	}

	@Test
	void profileShowsTheProjectReadablyFromTheTypedProject() throws Exception {
		HttpResponse<String> profile = signInAs(ada());
		assertThat(profile.body()).contains("<dd id=\"project-name\">Demo project</dd>")
			.contains("<code id=\"project-id\">" + projectId(ada()) + "</code>")
			.contains("<dd id=\"project-role\">admin</dd>")
			.contains("<span class=\"chip\">can_deploy</span>")
			.doesNotContain("project_id=");
	}

	@Test
	void refreshingTheProfileRedirectsToItAndShowsHitKeysCurrentProfile() throws Exception {
		FakeHitKeyUser grace = grace();
		Map<String, Object> claims = new LinkedHashMap<>(claimsOf(grace));
		HttpResponse<String> profile = signInAs(grace);
		assertThat(profile.body()).contains("<dd id=\"project-role\">member</dd>");
		// The project's owner has made Grace an admin since she signed in.
		claims.put("project", Map.of("project_id", projectId(grace), "project_name", "Demo project", "project_slug",
				"demo", "role", "admin", "permissions", List.of("can_deploy", "can_review")));
		this.demoHitKey.failNext(Endpoint.USERINFO, 1,
				FakeHitKeyFault.status(200, JsonMapper.shared().writeValueAsString(claims), "application/json"));

		List<HttpResponse<String>> hops = follow(post("/profile/refresh", csrf(profile)));
		assertThat(hops).hasSize(2);
		assertThat(hops.get(0).statusCode()).isEqualTo(302);
		assertThat(hops.get(0).headers().firstValue("Location")).hasValue(uri("/profile").toString());
		HttpResponse<String> refreshed = hops.get(1);
		assertThat(refreshed.request().method()).isEqualTo("GET");
		assertThat(refreshed.statusCode()).isEqualTo(200);
		assertThat(refreshed.body()).contains("<dd id=\"project-role\">admin</dd>")
			.contains("<span class=\"chip\">can_review</span>")
			.contains("id=\"refreshed-at\"")
			.doesNotContain("project_id=")
			.contains("id=\"nav-admin\"");
		int userinfoCalls = this.demoHitKey.calls(Endpoint.USERINFO);

		HttpResponse<String> reloaded = send(get("/profile"));
		assertThat(reloaded.statusCode()).isEqualTo(200);
		assertThat(reloaded.body()).contains("<dd id=\"project-role\">admin</dd>").contains("id=\"refreshed-at\"");
		assertThat(send(get("/admin")).statusCode()).isEqualTo(200);
		assertThat(this.demoHitKey.calls(Endpoint.USERINFO)).isEqualTo(userinfoCalls);
	}

	@Test
	void refreshingTheProfileWhileHitKeyIsDownSaysSoOnTheProfile() throws Exception {
		HttpResponse<String> profile = signInAs(grace());
		this.demoHitKey.failNext(Endpoint.USERINFO, 1, FakeHitKeyFault.error(503, "maintenance"));
		List<HttpResponse<String>> hops = follow(post("/profile/refresh", csrf(profile)));
		assertThat(hops).hasSize(1);
		assertThat(hops.get(0).statusCode()).isEqualTo(503);
		assertThat(hops.get(0).body()).contains("HitKey could not be reached: try again in a moment.")
			.contains("<dd id=\"project-role\">member</dd>")
			.doesNotContain("id=\"refreshed-at\"");
	}

	@Test
	void adminLinkIsShownOnlyToThoseWhoMayOpenTheAdminPage() throws Exception {
		assertThat(signInAs(grace()).body()).doesNotContain("id=\"nav-admin\"").doesNotContain("href=\"/admin\"");
		assertThat(send(get("/admin")).statusCode()).isEqualTo(403);
		assertThat(send(get("/call-api")).body()).doesNotContain("id=\"nav-admin\"");
		HttpResponse<String> profile = signInAs(ada());
		assertThat(profile.body()).contains("<a href=\"/admin\" id=\"nav-admin\">Admin</a>");
		assertThat(send(get("/admin")).statusCode()).isEqualTo(200);
		FakeHitKeyUser taro = this.demoHitKey.users().get(2);
		assertThat(taro.projectRole()).isEqualTo("owner");
		assertThat(signInAs(taro).body()).contains("id=\"nav-admin\"");
	}

	@Test
	void signInCancelledAtHitKeySaysSoInTheSamplesWords() throws Exception {
		List<HttpResponse<String>> start = follow(get("/oauth2/authorization/hitkey"));
		assertThat(start).hasSize(2);
		HttpResponse<String> signInPage = start.get(1);
		assertThat(signInPage.body()).contains("Cancel and go back");
		List<HttpResponse<String>> hops = follow(HttpRequest
			.newBuilder(URI.create(this.demoHitKey.authUrl() + "/deny"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(hiddenFields(signInPage.body())))));
		assertThat(hops).hasSize(3);
		assertThat(hops.get(1).uri().getQuery()).startsWith("error=access_denied&state=");
		assertThat(hops.get(1).headers().firstValue("Location")).hasValue(uri("/login-error").toString());
		HttpResponse<String> page = hops.get(2);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<h1 id=\"login-error-title\">You cancelled the sign-in at HitKey</h1>")
			.doesNotContain("HitKey said")
			.doesNotContain("id=\"login-error-message\"");
	}

	@Test
	void signInFailurePageOpenedWithoutAFailureSaysNothingFailed() throws Exception {
		HttpResponse<String> page = send(get("/login-error"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<h1 id=\"login-error-title\">Sign-in did not complete</h1>")
			.contains("No sign-in has failed in this browser session")
			.doesNotContain("HitKey said");
	}

	@Test
	void signInRefusedByHitKeyQuotesHitKeysMessageEscaped() throws Exception {
		this.demoHitKey.failNext(Endpoint.TOKEN, 1,
				FakeHitKeyFault.error(400, "Invalid or expired <b>authorization</b> code"));
		this.demoHitKey.autoApprove(ada());
		List<HttpResponse<String>> hops = follow(get("/oauth2/authorization/hitkey"));
		assertThat(hops).hasSize(4);
		HttpResponse<String> page = hops.get(3);
		assertThat(page.uri().getPath()).isEqualTo("/login-error");
		assertThat(page.body()).contains("<h1 id=\"login-error-title\">Sign-in with HitKey failed</h1>")
			.contains("HitKey said:")
			.contains("<p class=\"error\" id=\"login-error-message\">"
					+ HtmlUtils.htmlEscape("Invalid or expired <b>authorization</b> code") + "</p>")
			.doesNotContain("<b>authorization</b>");
		HttpResponse<String> reloaded = send(get("/login-error"));
		assertThat(reloaded.body()).contains("Sign-in did not complete").doesNotContain("HitKey said");
	}

	@Test
	void signInFailureWithoutAMessageFromHitKeyDoesNotQuoteHitKey() throws Exception {
		this.demoHitKey.failNext(Endpoint.TOKEN, 1,
				FakeHitKeyFault.status(502, "<html>Bad gateway</html>", "text/html"));
		this.demoHitKey.autoApprove(ada());
		List<HttpResponse<String>> hops = follow(get("/oauth2/authorization/hitkey"));
		assertThat(hops).hasSize(4);
		HttpResponse<String> page = hops.get(3);
		assertThat(page.uri().getPath()).isEqualTo("/login-error");
		assertThat(page.body()).contains("<h1 id=\"login-error-title\">Sign-in did not complete</h1>")
			.contains("<p class=\"error\" id=\"login-error-detail\">HitKey answered HTTP 502</p>")
			.doesNotContain("HitKey said");
	}

	@Test
	void errorPageOpenedDirectlyIsNotFoundForBrowsersAndApiClients() throws Exception {
		HttpResponse<String> page = send(get("/error").header("Accept", "text/html"));
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("<h1 id=\"not-found-title\">Page not found</h1>").doesNotContain("999");
		HttpResponse<String> json = send(HttpRequest.newBuilder(uri("/error")).header("Accept", "application/json"));
		assertThat(json.statusCode()).isEqualTo(404);
		JsonNode body = JsonMapper.shared().readTree(json.body());
		assertThat(body.get("status").asInt()).isEqualTo(404);
		assertThat(body.get("error").asString()).isEqualTo("Not Found");
	}

	@Test
	void errorsOfOtherRequestsKeepTheirStatus() throws Exception {
		HttpResponse<String> missing = send(get("/css/missing.css").header("Accept", "text/html"));
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("Page not found");
		signInAs(grace());
		HttpResponse<String> forbidden = send(get("/admin").header("Accept", "text/html"));
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("This page is for project admins");
	}

	@Test
	void homePageNamesTheUserAsTheProfileDoes() throws Exception {
		FakeHitKeyUser taro = this.demoHitKey.users().get(2);
		assertThat(signInAs(taro).body()).contains("<h1 id=\"display-name\">山田太郎 (Yamada Taro)</h1>");
		assertThat(send(get("/")).body()).contains("<strong id=\"home-name\">山田太郎 (Yamada Taro)</strong>");
	}

	@Test
	void logoutOpenedWithGetAsksToSignOutAndItsButtonSignsOut() throws Exception {
		signInAs(grace());
		HttpResponse<String> page = send(get("/logout"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<h1 id=\"logout-title\">Sign out?</h1>");
		List<HttpResponse<String>> hops = follow(post("/logout", csrf(page)));
		assertThat(hops).hasSize(2);
		assertThat(hops.get(1).uri().getPath()).isEqualTo("/");
		assertThat(hops.get(1).body()).contains("id=\"sign-in\"");
		assertThat(send(get("/logout")).body()).contains("<h1 id=\"logout-title\">You are signed out</h1>");
	}

	private FakeHitKeyUser ada() {
		return this.demoHitKey.users().get(0);
	}

	private FakeHitKeyUser grace() {
		return this.demoHitKey.users().get(1);
	}

	private String projectId(FakeHitKeyUser user) throws IOException {
		return ((Map<?, ?>) claimsOf(user).get("project")).get("project_id").toString();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> claimsOf(FakeHitKeyUser user) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.demoHitKey.apiUrl() + "/oauth/userinfo"))
			.header("Authorization", "Bearer " + this.demoHitKey.accessToken(user))
			.build();
		Map<String, Object> claims = JsonMapper.shared().readValue(sendRaw(request).body(), Map.class);
		this.demoHitKey.reset();
		return claims;
	}

	private HttpResponse<String> signInAs(FakeHitKeyUser user) throws IOException {
		this.demoHitKey.autoApprove(user);
		List<HttpResponse<String>> hops = follow(get("/oauth2/authorization/hitkey"));
		this.demoHitKey.showSignInPage();
		HttpResponse<String> profile = hops.get(hops.size() - 1);
		assertThat(profile.uri().getPath()).isEqualTo("/profile");
		assertThat(profile.statusCode()).isEqualTo(200);
		return profile;
	}

	private static String csrf(HttpResponse<String> page) {
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).isTrue();
		return csrf.group(1);
	}

	private static Map<String, String> hiddenFields(String html) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher field = HIDDEN_FIELD.matcher(html);
		while (field.find()) {
			fields.putIfAbsent(field.group(1), HtmlUtils.htmlUnescape(field.group(2)));
		}
		return fields;
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private HttpRequest.Builder post(String path, String csrf) {
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)));
	}

	/**
	 * Send the request and follow its redirects one by one, as a browser does, returning
	 * every answer.
	 */
	private List<HttpResponse<String>> follow(HttpRequest.Builder request) throws IOException {
		List<HttpResponse<String>> hops = new ArrayList<>();
		HttpResponse<String> answer = sendRaw(request.build());
		hops.add(answer);
		while (answer.statusCode() / 100 == 3 && hops.size() < 10) {
			URI next = answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow());
			answer = sendRaw(HttpRequest.newBuilder(next).header("Accept", "text/html").build());
			hops.add(answer);
		}
		return hops;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
		return sendRaw(request.build());
	}

	private HttpResponse<String> sendRaw(HttpRequest request) throws IOException {
		try {
			return this.client.send(request, BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html");
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
