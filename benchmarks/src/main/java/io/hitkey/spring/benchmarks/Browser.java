package io.hitkey.spring.benchmarks;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A browser stand-in: a real HTTP client with its own cookies and connections, that
 * follows redirects itself so that a sign-in can be checked step by step.
 */
final class Browser {

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/**
	 * Sign in from scratch: a protected page, the redirects to HitKey (which approves at
	 * once) and back through the callback, and the page again.
	 */
	void signIn(String appUrl) throws IOException, InterruptedException {
		this.cookies.getCookieStore().removeAll();
		URI url = URI.create(appUrl + "/hello");
		boolean calledBack = false;
		StringBuilder steps = new StringBuilder();
		for (int step = 0; step < 6; step++) {
			steps.append("\n  ").append(url);
			HttpResponse<String> response = get(url);
			if (response.statusCode() == 200) {
				if (!calledBack || !"hello".equals(response.body())) {
					throw new IllegalStateException("Sign-in ended on " + url + " without the callback");
				}
				return;
			}
			String location = response.headers().firstValue("Location").orElse(null);
			if (response.statusCode() != 302 || location == null || location.contains("error")) {
				throw new IllegalStateException("Sign-in failed at " + url + ": " + response.statusCode() + " "
						+ location);
			}
			calledBack |= url.getPath().startsWith("/login/oauth2/code/");
			url = url.resolve(location);
		}
		throw new IllegalStateException("Too many redirects signing in to " + appUrl + ":" + steps);
	}

	/**
	 * A page that must answer 200 with the given body.
	 */
	void expect(String url, String body) throws IOException, InterruptedException {
		HttpResponse<String> response = get(URI.create(url));
		if (response.statusCode() != 200 || !body.equals(response.body())) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
	}

	HttpResponse<String> get(URI url) throws IOException, InterruptedException {
		return get(url, "text/html");
	}

	HttpResponse<String> get(URI url, String accept) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(url)
			.header("Accept", accept)
			.timeout(Duration.ofSeconds(30))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
