package io.hitkey.spring.autoconfigure.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.web.client.ResponseErrorHandler;

/**
 * Turns HitKey's error answers into {@link OAuth2AuthorizationException}s that carry
 * HitKey's message. HitKey answers {@code {"error":"Invalid client_id"}}: a human-readable
 * message where RFC 6749 has an error code, so the code is derived from the status and
 * the message becomes the description. RFC 6749 answers (an {@code error} code such as
 * {@code invalid_grant}) are read as such.
 *
 * @author HitKey
 */
final class HitKeyResponseErrorHandler implements ResponseErrorHandler {

	private static final int MAX_BODY_BYTES = 8 * 1024;

	private static final int MAX_MESSAGE_LENGTH = 256;

	private static final Pattern RFC_6749_ERROR_CODE = Pattern.compile("[a-z_]+");

	@Override
	public boolean hasError(ClientHttpResponse response) throws IOException {
		return response.getStatusCode().isError();
	}

	@Override
	public void handleError(URI url, HttpMethod method, ClientHttpResponse response) throws IOException {
		HttpStatusCode status = response.getStatusCode();
		JsonNode body = readBody(response);
		String error = text(body, "error");
		if (error != null && RFC_6749_ERROR_CODE.matcher(error).matches()) {
			throw new OAuth2AuthorizationException(
					new OAuth2Error(error, text(body, "error_description"), text(body, "error_uri")));
		}
		String message = (error != null) ? error : "HitKey answered HTTP " + status.value();
		throw new OAuth2AuthorizationException(new OAuth2Error(errorCode(status, message), message, null));
	}

	private static @Nullable JsonNode readBody(ClientHttpResponse response) {
		try (InputStream body = response.getBody()) {
			byte[] bytes = body.readNBytes(MAX_BODY_BYTES);
			return (bytes.length > 0) ? JsonMapper.shared().readTree(bytes) : null;
		}
		catch (IOException | JacksonException ex) {
			return null;
		}
	}

	private static @Nullable String text(@Nullable JsonNode body, String field) {
		JsonNode value = (body != null && body.isObject()) ? body.get(field) : null;
		if (value == null || !value.isString()) {
			return null;
		}
		String text = value.asString().replaceAll("\\p{Cntrl}", " ").strip();
		if (text.isEmpty()) {
			return null;
		}
		return (text.length() > MAX_MESSAGE_LENGTH) ? text.substring(0, MAX_MESSAGE_LENGTH) + "…" : text;
	}

	private static String errorCode(HttpStatusCode status, String message) {
		return switch (status.value()) {
			case 400 -> message.toLowerCase(Locale.ROOT).contains("client") ? OAuth2ErrorCodes.INVALID_CLIENT
					: OAuth2ErrorCodes.INVALID_GRANT;
			case 401 -> OAuth2ErrorCodes.INVALID_TOKEN;
			case 403 -> OAuth2ErrorCodes.ACCESS_DENIED;
			case 429, 503 -> OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE;
			default -> status.is5xxServerError() ? OAuth2ErrorCodes.SERVER_ERROR : OAuth2ErrorCodes.INVALID_REQUEST;
		};
	}

}
