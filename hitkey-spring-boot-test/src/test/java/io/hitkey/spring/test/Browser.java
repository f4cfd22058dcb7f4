package io.hitkey.spring.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser stand-in: a real HTTP client that keeps cookies and follows redirects, so a
 * single request to a protected page goes through the whole sign-in.
 */
final class Browser {

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.ALWAYS)
		.build();

	private final int port;

	Browser(int port) {
		this.port = port;
	}

	HttpResponse<String> get(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
			// A server that stops answering fails the test instead of hanging the build.
			.timeout(Duration.ofSeconds(20))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> getJson(String path) {
		HttpResponse<String> response = get(path);
		assertThat(response.headers().firstValue("Content-Type"))
			.as("answer of %s: %s", response.uri(), response.body())
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		return JsonMapper.shared().readValue(response.body(), Map.class);
	}

}
