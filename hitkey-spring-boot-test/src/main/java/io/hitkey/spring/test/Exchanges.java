package io.hitkey.spring.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading requests and writing answers on the JDK's HTTP server.
 *
 * @author HitKey
 */
final class Exchanges {

	private static final int MAX_BODY_BYTES = 64 * 1024;

	private Exchanges() {
	}

	static Map<String, String> query(HttpExchange exchange) {
		return formFields(exchange.getRequestURI().getRawQuery());
	}

	static Map<String, String> formFields(@Nullable String encoded) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return fields;
		}
		for (String pair : encoded.split("&")) {
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			fields.putIfAbsent(name, value);
		}
		return fields;
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

	static String body(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			return new String(body.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
		}
	}

	static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		send(exchange, status, contentType, body, Map.of());
	}

	static void send(HttpExchange exchange, int status, String contentType, String body, Map<String, String> headers)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders(status, (bytes.length > 0) ? bytes.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	static void trickle(HttpExchange exchange, int status, String contentType, String body,
			Map<String, String> headers, Duration pause) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			for (byte value : bytes) {
				out.write(value);
				out.flush();
				Thread.sleep(pause.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void json(HttpExchange exchange, int status, String json) throws IOException {
		send(exchange, status, "application/json", json);
	}

	static void error(HttpExchange exchange, int status, String message) throws IOException {
		json(exchange, status, errorJson(message));
	}

	static String errorJson(String message) {
		return JsonMapper.shared().writeValueAsString(Map.of("error", message));
	}

	static void html(HttpExchange exchange, int status, String html) throws IOException {
		send(exchange, status, "text/html;charset=utf-8", html);
	}

	static void redirect(HttpExchange exchange, String location) throws IOException {
		exchange.getResponseHeaders().set("Location", location);
		exchange.sendResponseHeaders(302, -1);
		exchange.close();
	}

	static @Nullable String header(HttpExchange exchange, String name) {
		return exchange.getRequestHeaders().getFirst(name);
	}

}
