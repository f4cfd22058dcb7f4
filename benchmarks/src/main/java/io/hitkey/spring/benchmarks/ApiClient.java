package io.hitkey.spring.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An API client stand-in: a real HTTP client with its own connections and no cookies,
 * that sends its Bearer token with every request, or no token at all.
 */
final class ApiClient {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String token;

	/**
	 * Create a client that sends the given access token, or none when it is {@code null}.
	 */
	ApiClient(String token) {
		this.token = token;
	}

	/**
	 * A request that must answer 200 with the given body.
	 */
	void expect(String url, String body) throws IOException, InterruptedException {
		HttpResponse<String> response = get(url);
		if (response.statusCode() != 200 || !body.equals(response.body())) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
	}

	HttpResponse<String> get(String url) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30));
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
