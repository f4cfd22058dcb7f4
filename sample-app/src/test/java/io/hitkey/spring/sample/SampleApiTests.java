package io.hitkey.spring.sample;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import io.hitkey.spring.test.FakeHitKey;
import io.hitkey.spring.test.FakeHitKey.Endpoint;
import io.hitkey.spring.test.FakeHitKeyUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's API over real HTTP, in demo mode: it accepts HitKey access tokens from the
 * fake HitKey as Bearer tokens, and nothing else, never with a redirect to a sign-in.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApiTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@Autowired
	FakeHitKey demoHitKey;

	@LocalServerPort
	int port;

	FakeHitKeyUser ada;

	FakeHitKeyUser grace;

	@BeforeEach
	void users() {
		this.ada = this.demoHitKey.users().get(0);
		this.grace = this.demoHitKey.users().get(1);
	}

	@AfterEach
	void resetHitKey() {
		this.demoHitKey.reset();
	}

	@Test
	void answersARequestWithoutTokenWith401NeverARedirect() throws Exception {
		for (String accept : new String[] { "application/json", "text/html", "*/*" }) {
			HttpResponse<String> answer = send(get("/api/me").header("Accept", accept), this.client);
			assertThat(answer.statusCode()).as(accept).isEqualTo(401);
			assertThat(answer.headers().firstValue("Location")).as(accept).isEmpty();
			assertThat(answer.headers().firstValue("WWW-Authenticate")).as(accept)
				.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
		}
	}

	@Test
	void answersAGarbageTokenWith401InvalidToken() throws Exception {
		HttpResponse<String> answer = send(get("/api/me").header("Authorization", "Bearer not-a-hitkey-token"),
				this.client);
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("error=\"invalid_token\""));
	}

	@Test
	void answersAHitKeyTokenAsItsOwnerWithoutASessionAndChecksItAtHitKeyOnce() throws Exception {
		String token = this.demoHitKey.accessToken(this.ada);
		HttpResponse<String> answer = send(get("/api/me").header("Authorization", "Bearer " + token), this.client);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
		JsonNode me = JsonMapper.shared().readTree(answer.body());
		assertThat(me.get("sub").asString()).isEqualTo(this.ada.sub().toString());
		assertThat(me.get("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(me.get("role").asString()).isEqualTo("admin");
		assertThat(me.get("authorities").toString()).contains("\"PERMISSION_can_deploy\"", "\"ROLE_ADMIN\"");
		assertThat(send(get("/api/me").header("Authorization", "Bearer " + token), this.client).statusCode())
			.isEqualTo(200);
		assertThat(this.demoHitKey.calls(Endpoint.USERINFO)).isOne();
	}

	@Test
	void keepsTheNotesOfEachUserApart() throws Exception {
		String adas = "Bearer " + this.demoHitKey.accessToken(this.ada);
		String graces = "Bearer " + this.demoHitKey.accessToken(this.grace);
		HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/notes"))
			.header("Authorization", adas)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Ship the API on Friday\"}")), this.client);
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(send(get("/api/notes").header("Authorization", adas), this.client).body())
			.contains("Ship the API on Friday");
		assertThat(send(get("/api/notes").header("Authorization", graces), this.client).body())
			.doesNotContain("Ship the API on Friday");
	}

	@Test
	void aSignedInBrowserSessionDoesNotOpenTheApi() throws Exception {
		this.demoHitKey.autoApprove(this.ada);
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		HttpResponse<String> profile = send(get("/oauth2/authorization/hitkey"), browser);
		assertThat(profile.uri().getPath()).isEqualTo("/profile");
		HttpResponse<String> answer = send(get("/api/me").header("Accept", "application/json"), browser);
		assertThat(answer.statusCode()).isEqualTo(401);
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(uri(path));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request, HttpClient client)
			throws IOException, InterruptedException {
		return client.send(request.build(), BodyHandlers.ofString());
	}

}
