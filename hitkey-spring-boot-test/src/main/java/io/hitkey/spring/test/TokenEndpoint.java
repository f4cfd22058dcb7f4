package io.hitkey.spring.test;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HitKey's token endpoint: JSON bodies only, client credentials checked, codes used
 * once, refresh tokens never rotated, HitKey-style {@code {"error":"..."}} answers.
 *
 * @author HitKey
 */
final class TokenEndpoint {

	private final FakeHitKey hitKey;

	TokenEndpoint(FakeHitKey hitKey) {
		this.hitKey = hitKey;
	}

	void handle(HttpExchange exchange, String body) throws IOException {
		if (!"POST".equals(exchange.getRequestMethod())) {
			Exchanges.error(exchange, 405, "Method not allowed");
			return;
		}
		String contentType = Exchanges.header(exchange, "Content-Type");
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
			Exchanges.error(exchange, 400, "Content-Type must be application/json");
			return;
		}
		JsonNode request = parse(body);
		if (request == null) {
			Exchanges.error(exchange, 400, "Invalid JSON body");
			return;
		}
		String grantType = text(request, "grant_type");
		if (!this.hitKey.clientId().equals(text(request, "client_id"))) {
			Exchanges.error(exchange, 400, "Invalid client_id");
			return;
		}
		if (!this.hitKey.clientSecret().equals(text(request, "client_secret"))) {
			Exchanges.error(exchange, 400, "Invalid client credentials");
			return;
		}
		if ("authorization_code".equals(grantType)) {
			exchangeCode(exchange, request);
		}
		else if ("refresh_token".equals(grantType)) {
			refresh(exchange, request);
		}
		else {
			Exchanges.error(exchange, 400, "Unsupported grant_type");
		}
	}

	private void exchangeCode(HttpExchange exchange, JsonNode request) throws IOException {
		String codeValue = text(request, "code");
		FakeHitKeyGrants.Code code = (codeValue != null) ? this.hitKey.grants().redeemCode(codeValue) : null;
		if (code == null || !code.clientId().equals(this.hitKey.clientId())) {
			Exchanges.error(exchange, 400, "Invalid or expired authorization code");
			return;
		}
		String redirectUri = text(request, "redirect_uri");
		if (redirectUri == null || !RedirectUris.matches(code.redirectUri(), redirectUri)) {
			Exchanges.error(exchange, 400, "redirect_uri doesn't match");
			return;
		}
		if (code.codeChallenge() != null && !FakeHitKeyGrants.verifiesChallenge(text(request, "code_verifier"),
				code.codeChallenge(), code.codeChallengeMethod())) {
			Exchanges.error(exchange, 400, "Invalid code_verifier");
			return;
		}
		FakeHitKeyGrants.RefreshToken refreshToken = this.hitKey.grants()
			.issueRefreshToken(code.clientId(), code.user(), code.scopes());
		tokenResponse(exchange, code.user(), code.scopes(), refreshToken.value());
	}

	private void refresh(HttpExchange exchange, JsonNode request) throws IOException {
		String value = text(request, "refresh_token");
		FakeHitKeyGrants.RefreshToken refreshToken = (value != null) ? this.hitKey.grants().useRefreshToken(value)
				: null;
		if (refreshToken == null || !refreshToken.clientId().equals(this.hitKey.clientId())) {
			Exchanges.error(exchange, 400, "Invalid or expired refresh token");
			return;
		}
		tokenResponse(exchange, refreshToken.user(), refreshToken.scopes(), refreshToken.value());
	}

	private void tokenResponse(HttpExchange exchange, FakeHitKeyUser user, Set<String> scopes, String refreshToken)
			throws IOException {
		Duration lifetime = this.hitKey.currentAccessTokenLifetime();
		FakeHitKeyGrants.AccessToken accessToken = this.hitKey.grants()
			.issueAccessToken(this.hitKey.clientId(), user, scopes, lifetime);
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("access_token", accessToken.value());
		response.put("refresh_token", refreshToken);
		response.put("token_type", "Bearer");
		response.put("expires_in", lifetime.toSeconds());
		response.put("scope", String.join(" ", scopes));
		Exchanges.json(exchange, 200, JsonMapper.shared().writeValueAsString(response));
	}

	private static @Nullable JsonNode parse(String body) {
		try {
			JsonNode node = JsonMapper.shared().readTree(body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable String text(JsonNode request, String field) {
		JsonNode value = request.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

}
