package io.hitkey.spring.test;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * HitKey's userinfo endpoint: the claims of the token's user, filtered by the token's
 * scopes ({@code id} always, {@code project} only with {@code project:read}).
 *
 * @author HitKey
 */
final class UserinfoEndpoint implements HttpHandler {

	private static final String BEARER = "Bearer ";

	private final FakeHitKey hitKey;

	UserinfoEndpoint(FakeHitKey hitKey) {
		this.hitKey = hitKey;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		if (!"GET".equals(exchange.getRequestMethod())) {
			Exchanges.error(exchange, 405, "Method not allowed");
			return;
		}
		String authorization = Exchanges.header(exchange, "Authorization");
		FakeHitKeyGrants.AccessToken token = (authorization != null && authorization.startsWith(BEARER))
				? this.hitKey.grants().validAccessToken(authorization.substring(BEARER.length())) : null;
		if (token == null) {
			exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			Exchanges.error(exchange, 401, "Invalid or expired access token");
			return;
		}
		Exchanges.json(exchange, 200,
				JsonMapper.shared().writeValueAsString(token.user().claims(token.scopes(), this.hitKey.project())));
	}

}
