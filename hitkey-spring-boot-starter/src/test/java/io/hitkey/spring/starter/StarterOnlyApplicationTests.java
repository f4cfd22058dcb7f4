package io.hitkey.spring.starter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with nothing but the starter, Spring MVC and the two properties sends
 * a browser to HitKey's authorize page with everything HitKey needs.
 */
@SpringBootTest(classes = StarterOnlyApplicationTests.StarterOnlyApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hitkey.client-id=starter-client", "hitkey.client-secret=starter-secret" })
class StarterOnlyApplicationTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void browserIsSentStraightToHitKeysAuthorizePage() throws Exception {
		HttpResponse<String> protectedPage = get("http://localhost:" + this.port + "/anything", "text/html");
		assertThat(protectedPage.statusCode()).isEqualTo(302);
		String signIn = protectedPage.headers().firstValue("Location").orElseThrow();
		assertThat(signIn).endsWith("/oauth2/authorization/hitkey");

		HttpResponse<String> toHitKey = get(signIn, "text/html");

		assertThat(toHitKey.statusCode()).isEqualTo(302);
		assertThat(toHitKey.headers().firstValue("Location").orElseThrow()).startsWith("https://hitkey.io/?")
			.contains("client_id=starter-client")
			.contains("scope=openid%20profile%20email")
			.contains("code_challenge=")
			.contains("redirect_uri=http://localhost:" + this.port + "/login/oauth2/code/hitkey");
	}

	@Test
	void apiCallIsAnsweredWith401AndWhereToSignIn() throws Exception {
		HttpResponse<String> api = get("http://localhost:" + this.port + "/anything", "application/json");

		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(api.headers().firstValue("WWW-Authenticate"))
			.hasValue("HitKey realm=\"hitkey\", sign_in=\"/oauth2/authorization/hitkey\"");
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
		assertThat(api.body()).isEqualTo("{\"error\":\"unauthorized\",\"sign_in\":\"/oauth2/authorization/hitkey\"}");
	}

	private HttpResponse<String> get(String url, String accept) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class StarterOnlyApplication {

	}

}
