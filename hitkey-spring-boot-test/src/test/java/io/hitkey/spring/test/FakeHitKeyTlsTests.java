package io.hitkey.spring.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link FakeHitKey} over HTTPS, and for its count of API connections.
 */
class FakeHitKeyTlsTests {

	private static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/hitkey";

	private final FakeHitKey hitKey = FakeHitKey.builder()
		.tls()
		.autoApprove(FakeHitKeyUsers.defaults().get(0))
		.build()
		.start();

	@AfterEach
	void stop() {
		this.hitKey.close();
	}

	@Test
	void servesTheWholeSignInOverHttpsToAClientThatTrustsItsCertificate() throws Exception {
		HttpClient http = client();

		String accessToken = signIn(http);
		HttpResponse<String> userinfo = http.send(
				HttpRequest.newBuilder(URI.create(this.hitKey.apiUrl() + "/oauth/userinfo"))
					.header("Authorization", "Bearer " + accessToken)
					.build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(this.hitKey.authUrl()).startsWith("https://127.0.0.1:");
		assertThat(userinfo.statusCode()).isEqualTo(200);
		assertThat(userinfo.body()).contains(FakeHitKeyUsers.defaults().get(0).sub().toString());
	}

	@Test
	void aClientThatDoesNotTrustTheCertificateIsRefused() {
		HttpClient untrusting = HttpClient.newHttpClient();

		assertThatExceptionOfType(SSLHandshakeException.class)
			.isThrownBy(() -> untrusting.send(HttpRequest.newBuilder(URI.create(this.hitKey.apiUrl() + "/health")).build(),
					HttpResponse.BodyHandlers.ofString()));
	}

	@Test
	void countsNewConnectionsToTheApiNotCalls() throws Exception {
		HttpClient pooled = client();
		signIn(pooled);
		signIn(pooled);
		signIn(pooled);
		assertThat(this.hitKey.calls(FakeHitKey.Endpoint.TOKEN)).isEqualTo(3);
		assertThat(this.hitKey.apiConnections()).isEqualTo(1);

		this.hitKey.reset();
		signIn(pooled);
		assertThat(this.hitKey.apiConnections()).as("a connection opened before the reset is not new").isZero();

		signIn(client());
		assertThat(this.hitKey.apiConnections()).isEqualTo(1);
	}

	private String signIn(HttpClient http) throws IOException, InterruptedException {
		String authorize = this.hitKey.authUrl() + "/?response_type=code&client_id=" + this.hitKey.clientId()
				+ "&state=s&scope=openid%20profile&redirect_uri=" + REDIRECT_URI;
		HttpResponse<String> approved = http.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
				HttpResponse.BodyHandlers.ofString());
		String location = approved.headers().firstValue("Location").orElseThrow();
		String code = UriComponentsBuilder.fromUriString(location).build().getQueryParams().getFirst("code");
		String body = JsonMapper.shared()
			.writeValueAsString(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI,
					"client_id", this.hitKey.clientId(), "client_secret", this.hitKey.clientSecret()));
		HttpResponse<String> token = http.send(
				HttpRequest.newBuilder(URI.create(this.hitKey.apiUrl() + "/oauth/token"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		return JsonMapper.shared().readTree(token.body()).get("access_token").asString();
	}

	private static HttpClient client() {
		return HttpClient.newBuilder().sslContext(FakeHitKey.trustingSslContext()).build();
	}

}
