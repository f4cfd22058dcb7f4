package io.hitkey.spring.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.hitkey.spring.test.FakeHitKey;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Codes for HitKey exchanges, asked from the fake's authorize page before a round starts,
 * with a PKCE challenge as Spring Security sends it.
 */
final class AuthorizationCodes implements AutoCloseable {

	static final String CODE_VERIFIER = "benchmark-code-verifier-0123456789-abcdefghijklmnopqrstuvwxyz";

	static final String SCOPE = "openid profile email";

	private final FakeHitKey hitKey;

	private final String redirectUri;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final ExecutorService threads = Executors.newFixedThreadPool(4);

	AuthorizationCodes(FakeHitKey hitKey, String redirectUri) {
		this.hitKey = hitKey;
		this.redirectUri = redirectUri;
	}

	String redirectUri() {
		return this.redirectUri;
	}

	String[] issue(int count) throws Exception {
		String authorize = this.hitKey.authUrl() + "/?response_type=code&client_id=" + this.hitKey.clientId()
				+ "&state=benchmark&scope=" + encode(SCOPE) + "&redirect_uri=" + encode(this.redirectUri)
				+ "&code_challenge_method=S256&code_challenge=" + challenge();
		HttpRequest request = HttpRequest.newBuilder(URI.create(authorize)).build();
		@SuppressWarnings("unchecked")
		Future<String>[] codes = new Future[count];
		for (int i = 0; i < count; i++) {
			codes[i] = this.threads.submit(() -> {
				HttpResponse<Void> approved = this.http.send(request, HttpResponse.BodyHandlers.discarding());
				String location = approved.headers().firstValue("Location").orElseThrow();
				return UriComponentsBuilder.fromUriString(location).build().getQueryParams().getFirst("code");
			});
		}
		String[] issued = new String[count];
		for (int i = 0; i < count; i++) {
			issued[i] = codes[i].get();
		}
		return issued;
	}

	private static String challenge() throws NoSuchAlgorithmException {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(CODE_VERIFIER.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.threads.shutdownNow();
	}

}
