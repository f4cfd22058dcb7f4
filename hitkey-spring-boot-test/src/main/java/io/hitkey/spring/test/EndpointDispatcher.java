package io.hitkey.spring.test;

import java.io.IOException;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.hitkey.spring.test.FakeHitKey.Endpoint;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes each call of the fake to its endpoint by exact path, counts it, and answers it
 * with the next scripted fault, if any. Unknown paths get a {@code 404} and are neither
 * counted nor faulted.
 *
 * @author HitKey
 */
final class EndpointDispatcher implements HttpHandler {

	private final FakeHitKey hitKey;

	private final Map<Endpoint, Deque<FakeHitKeyFault>> faults;

	private final Map<Endpoint, AtomicInteger> calls;

	private final AuthorizeEndpoint authorize;

	private final TokenEndpoint token;

	private final UserinfoEndpoint userinfo;

	EndpointDispatcher(FakeHitKey hitKey, Map<Endpoint, Deque<FakeHitKeyFault>> faults,
			Map<Endpoint, AtomicInteger> calls) {
		this.hitKey = hitKey;
		this.faults = faults;
		this.calls = calls;
		this.authorize = new AuthorizeEndpoint(hitKey);
		this.token = new TokenEndpoint(hitKey);
		this.userinfo = new UserinfoEndpoint(hitKey);
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try {
			Endpoint endpoint = endpoint(exchange.getRequestURI().getPath());
			if (endpoint == null) {
				Exchanges.error(exchange, 404, "Not found");
				return;
			}
			this.calls.get(endpoint).incrementAndGet();
			if (endpoint == Endpoint.TOKEN || endpoint == Endpoint.USERINFO) {
				this.hitKey.countApiConnection(exchange.getRemoteAddress());
			}
			// Read before a fault applies, so that faulted token calls are counted by
			// grant type. (HttpExchange attributes are shared by all calls of a context,
			// so the body is handed over as an argument.)
			String tokenRequest = (endpoint == Endpoint.TOKEN) ? Exchanges.body(exchange) : "";
			if (endpoint == Endpoint.TOKEN) {
				this.hitKey.countTokenCall(grantType(tokenRequest));
			}
			FakeHitKeyFault fault = this.faults.get(endpoint).poll();
			if (fault != null && apply(exchange, fault)) {
				return;
			}
			switch (endpoint) {
				case AUTHORIZE -> this.authorize.handle(exchange);
				case TOKEN -> this.token.handle(exchange, tokenRequest);
				case USERINFO -> this.userinfo.handle(exchange);
				case HEALTH -> Exchanges.json(exchange, 200, "{\"status\":\"ok\"}");
			}
		}
		finally {
			exchange.close();
		}
	}

	private static @Nullable Endpoint endpoint(String path) {
		return switch (path) {
			case "/", AuthorizeEndpoint.APPROVE_PATH, AuthorizeEndpoint.DENY_PATH -> Endpoint.AUTHORIZE;
			case "/oauth/token" -> Endpoint.TOKEN;
			case "/oauth/userinfo" -> Endpoint.USERINFO;
			case "/health" -> Endpoint.HEALTH;
			default -> null;
		};
	}

	/**
	 * Apply the fault; return whether it answered the call.
	 */
	private static boolean apply(HttpExchange exchange, FakeHitKeyFault fault) throws IOException {
		if (fault.dropsConnection()) {
			// Closing the exchange before any response headers makes the JDK server drop
			// the connection: the client sees an empty answer.
			exchange.close();
			return true;
		}
		if (!fault.delay().isZero()) {
			try {
				Thread.sleep(fault.delay().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return false;
		}
		String body = (fault.body() != null) ? fault.body() : "";
		if (fault.trickle().isZero()) {
			Exchanges.send(exchange, fault.status(), fault.contentType(), body, fault.headers());
		}
		else {
			Exchanges.trickle(exchange, fault.status(), fault.contentType(), body, fault.headers(), fault.trickle());
		}
		return true;
	}

	private static String grantType(String body) {
		try {
			JsonNode request = JsonMapper.shared().readTree(body);
			JsonNode grantType = (request != null && request.isObject()) ? request.get("grant_type") : null;
			return (grantType != null && grantType.isString()) ? grantType.asString() : "none";
		}
		catch (JacksonException ex) {
			return "none";
		}
	}

}
