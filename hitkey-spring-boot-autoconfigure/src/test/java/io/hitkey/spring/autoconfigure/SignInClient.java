package io.hitkey.spring.autoconfigure;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser stand-in for sign-in flows: a real HTTP client with a cookie store that does
 * not follow redirects, so each step of the flow can be asserted.
 */
public final class SignInClient {

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUrl;

	public SignInClient(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	HttpResponse<String> get(String pathOrUrl) {
		return get(pathOrUrl, "text/html");
	}

	public HttpResponse<String> get(String pathOrUrl, String accept) {
		String url = pathOrUrl.startsWith("http") ? pathOrUrl : this.baseUrl + pathOrUrl;
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Accept", accept)
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
		return send(request);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpResponse<String> post(String path, Map<String, String> form) {
		StringBuilder body = new StringBuilder();
		form.forEach((name, value) -> body.append((body.length() > 0) ? "&" : "")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
		return send(request);
	}

	/**
	 * Request a protected page without a session and follow the app's redirects up to
	 * the URL of HitKey's authorize page.
	 */
	public URI startSignIn(String protectedPath) {
		HttpResponse<String> protectedPage = get(protectedPath);
		assertThat(protectedPage.statusCode()).isEqualTo(302);
		String signIn = location(protectedPage);
		assertThat(signIn).endsWith("/oauth2/authorization/hitkey");
		HttpResponse<String> redirect = get(signIn);
		assertThat(redirect.statusCode()).isEqualTo(302);
		return URI.create(location(redirect));
	}

	/**
	 * Come back from HitKey with the given code for the authorize request at the given
	 * URL.
	 */
	public HttpResponse<String> callback(URI authorizeRequest, String code) {
		Map<String, String> query = query(authorizeRequest);
		String redirectUri = query.get("redirect_uri");
		return get(redirectUri + "?code=" + code + "&state=" + query.get("state"));
	}

	public static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElseThrow();
	}

	public static Map<String, String> query(URI uri) {
		Map<String, String> query = new LinkedHashMap<>();
		UriComponentsBuilder.fromUri(uri)
			.build()
			.getQueryParams()
			.forEach((name, values) -> query.put(name,
					java.net.URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
		return query;
	}

}
