package io.hitkey.spring.smoke;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An HTTP client that behaves like a browser: it asks for {@code text/html}, keeps
 * cookies, and follows redirects one hop at a time, recording each, so that a test
 * asserts the way to the final page as well as the page.
 *
 * @author HitKey
 */
final class Browser {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">(.*?)</form>",
			Pattern.DOTALL);

	private static final Pattern HIDDEN_FIELD = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(TIMEOUT)
		.build();

	private final List<String> hops = new ArrayList<>();

	/**
	 * Open the page and follow its redirects.
	 */
	HttpResponse<String> open(URI uri) throws IOException, InterruptedException {
		return follow(send(HttpRequest.newBuilder(uri).GET()));
	}

	/**
	 * Sign in on the fake HitKey's page as the user with the given {@code sub}: submit its
	 * form with that user's button, and follow the redirects.
	 */
	HttpResponse<String> signInAs(HttpResponse<String> signInPage, UUID sub) throws IOException, InterruptedException {
		assertThat(signInPage.statusCode()).as("the sign-in page's status").isEqualTo(200);
		Matcher form = FORM.matcher(signInPage.body());
		assertThat(form.find()).as("a form on the sign-in page\n%s", signInPage.body()).isTrue();
		assertThat(form.group(2)).contains("name=\"user\" value=\"" + sub + "\"");
		StringJoiner body = new StringJoiner("&");
		Matcher field = HIDDEN_FIELD.matcher(form.group(2));
		while (field.find()) {
			body.add(encode(field.group(1)) + "=" + encode(HtmlUtils.htmlUnescape(field.group(2))));
		}
		body.add("user=" + sub);
		URI action = signInPage.uri().resolve(HtmlUtils.htmlUnescape(form.group(1)));
		return follow(send(HttpRequest.newBuilder(action)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
	}

	/**
	 * Return every request this browser made, as {@code METHOD URI -> status}.
	 */
	List<String> hops() {
		return this.hops;
	}

	private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
		while (response.statusCode() / 100 == 3) {
			String location = response.headers()
				.firstValue("Location")
				.orElseThrow(() -> new AssertionError("A redirect without Location: " + this.hops));
			response = send(HttpRequest.newBuilder(response.uri().resolve(location)).GET());
		}
		return response;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpRequest built = request.header("Accept", ACCEPT).timeout(TIMEOUT).build();
		HttpResponse<String> response = this.client.send(built, HttpResponse.BodyHandlers.ofString());
		this.hops.add(built.method() + " " + built.uri() + " -> " + response.statusCode());
		return response;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
