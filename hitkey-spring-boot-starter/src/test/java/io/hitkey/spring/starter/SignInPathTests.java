package io.hitkey.spring.starter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API client of an application served under a context path (servlet) or base path
 * (WebFlux) is told where a browser really signs in: the path it is given starts the
 * sign-in at HitKey.
 */
public abstract class SignInPathTests {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final WebApplicationType stack;

	private final String pathProperty;

	protected SignInPathTests(WebApplicationType stack, String pathProperty) {
		this.stack = stack;
		this.pathProperty = pathProperty;
	}

	@Test
	void apiClientsAreToldToSignInUnderTheApplicationsPath() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PathApplication.class)
			.web(this.stack)
			.properties("server.port=0", this.pathProperty + "=/app", "hitkey.client-id=path-client",
					"hitkey.client-secret=path-secret")
			.run()) {
			String origin = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");

			HttpResponse<String> api = get(origin + "/app/anything", "application/json");

			assertThat(api.statusCode()).isEqualTo(401);
			assertThat(api.headers().firstValue("WWW-Authenticate"))
				.hasValue("HitKey realm=\"hitkey\", sign_in=\"/app/oauth2/authorization/hitkey\"");
			assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/json"));
			assertThat(api.body()).isEqualTo("{\"error\":\"unauthorized\",\"sign_in\":\"/app/oauth2/authorization/hitkey\"}");
			HttpResponse<String> signIn = get(origin + "/app/oauth2/authorization/hitkey", "text/html");
			assertThat(signIn.statusCode()).isEqualTo(302);
			assertThat(signIn.headers().firstValue("Location").orElseThrow()).startsWith("https://hitkey.io/?")
				.contains("client_id=path-client");
		}
	}

	private HttpResponse<String> get(String url, String accept) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class PathApplication {

	}

}
