package io.hitkey.spring.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import io.hitkey.spring.test.FakeHitKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw floor of a sign-in's HitKey calls: the JSON token request and userinfo, made
 * with one pooled {@link HttpClient} and parsed, without Spring. HTTP/1.1, as HitKey's
 * API speaks: the JDK client's default, HTTP/2, makes it try an h2c upgrade on each new
 * plain-HTTP connection.
 */
final class RawHitKeyExchange {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final URI tokenUri;

	private final URI userinfoUri;

	private final FakeHitKey hitKey;

	private final String redirectUri;

	RawHitKeyExchange(FakeHitKey hitKey, String redirectUri) {
		this.hitKey = hitKey;
		this.redirectUri = redirectUri;
		this.tokenUri = URI.create(hitKey.apiUrl() + "/oauth/token");
		this.userinfoUri = URI.create(hitKey.apiUrl() + "/oauth/userinfo");
	}

	void exchange(String code) throws IOException, InterruptedException {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("grant_type", "authorization_code");
		parameters.put("code", code);
		parameters.put("redirect_uri", this.redirectUri);
		parameters.put("client_id", this.hitKey.clientId());
		parameters.put("client_secret", this.hitKey.clientSecret());
		parameters.put("code_verifier", AuthorizationCodes.CODE_VERIFIER);
		HttpResponse<byte[]> token = this.http.send(HttpRequest.newBuilder(this.tokenUri)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(JsonMapper.shared().writeValueAsBytes(parameters)))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		JsonNode tokenResponse = ok(token);
		HttpResponse<byte[]> userinfo = this.http.send(HttpRequest.newBuilder(this.userinfoUri)
			.header("Authorization", "Bearer " + tokenResponse.get("access_token").asString())
			.header("Accept", "application/json")
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		if (!ok(userinfo).hasNonNull("sub")) {
			throw new IllegalStateException("userinfo without sub");
		}
	}

	private static JsonNode ok(HttpResponse<byte[]> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException(response.uri() + " answered " + response.statusCode());
		}
		return JsonMapper.shared().readTree(response.body());
	}

}
