package io.hitkey.spring.autoconfigure;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A browser on the test application, or an API client: a real HTTP client with its own
 * cookies that follows redirects one hop at a time, wherever they lead (HitKey's
 * authorize page included), until a page renders. A redirect loop fails the test.
 */
final class HopByHopBrowser {

	static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	static final String JSON = "application/json";

	/**
	 * More redirects than any sign-in takes (protected page, sign-in start, HitKey,
	 * callback, page): more means a loop.
	 */
	static final int MAX_HOPS = 10;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String origin;

	HopByHopBrowser(int port) {
		this.origin = "http://localhost:" + port;
	}

	String origin() {
		return this.origin;
	}

	/**
	 * Ask for the given page as a browser does and follow every redirect.
	 */
	Visit visit(String pathOrUrl) {
		return follow(get(pathOrUrl, HTML));
	}

	/**
	 * Follow redirects from the given answer, as a browser would.
	 */
	Visit follow(HttpResponse<String> first) {
		List<HttpResponse<String>> answers = new ArrayList<>(List.of(first));
		HttpResponse<String> current = first;
		while (isRedirect(current)) {
			if (answers.size() > MAX_HOPS) {
				fail("Redirect loop: " + answers.stream().map((answer) -> answer.uri().getPath()).toList());
			}
			current = get(current.uri().resolve(location(current)).toString(), HTML);
			answers.add(current);
		}
		return new Visit(answers);
	}

	HttpResponse<String> get(String pathOrUrl, String accept) {
		return get(pathOrUrl, Map.of("Accept", accept));
	}

	HttpResponse<String> get(String pathOrUrl, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl));
		headers.forEach(request::header);
		return send(request.GET());
	}

	HttpResponse<String> post(String path, Map<String, String> form) {
		StringBuilder body = new StringBuilder();
		form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", HTML)
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Optional<String> sessionId() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> "SESSION".equals(cookie.getName()))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElseThrow();
	}

	private static boolean isRedirect(HttpResponse<?> response) {
		return response.statusCode() >= 300 && response.statusCode() < 400
				&& response.headers().firstValue("Location").isPresent();
	}

	private URI uri(String pathOrUrl) {
		return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : this.origin + pathOrUrl);
	}

	/**
	 * The answers to one visit, the page that rendered last.
	 */
	record Visit(List<HttpResponse<String>> answers) {

		HttpResponse<String> page() {
			return this.answers.get(this.answers.size() - 1);
		}

		int hops() {
			return this.answers.size() - 1;
		}

		List<String> paths() {
			return this.answers.stream().map((answer) -> answer.uri().getPath()).toList();
		}

		/**
		 * Assert that the visit ended on a page of the application at the given origin,
		 * with the given status, after the given number of redirects, and that the page
		 * shows no stack trace.
		 */
		HttpResponse<String> assertEndsOnApplicationPage(String origin, int status, int hops) {
			HttpResponse<String> page = page();
			assertThat(page.uri().toString()).as("last page of %s", paths()).startsWith(origin + "/");
			assertThat(page.statusCode()).as("status of %s", page.uri()).isEqualTo(status);
			assertThat(hops()).as("redirects in %s, ending on %s", paths(), page.body()).isEqualTo(hops);
			assertThat(page.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at io.");
			return page;
		}

	}

}
