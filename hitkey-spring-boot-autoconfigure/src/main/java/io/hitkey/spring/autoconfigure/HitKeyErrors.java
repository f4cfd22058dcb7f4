package io.hitkey.spring.autoconfigure;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * Reads HitKey's error answers. HitKey answers {@code {"error":"Invalid client_id"}}: a
 * human-readable message where RFC 6749 has an error code, so the code is derived from
 * the status and the message becomes the description. RFC 6749 answers (an
 * {@code error} code such as {@code invalid_grant}) are read as such. Shared by the
 * servlet and reactive HTTP clients.
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class HitKeyErrors {

	/**
	 * How much of an error body is read.
	 */
	public static final int MAX_BODY_BYTES = 8 * 1024;

	/**
	 * The description of a failure to reach HitKey or to read its answer, where Spring
	 * Security would show the text of the underlying exception (and HitKey's internal
	 * URL).
	 */
	public static final String UNREACHABLE = "HitKey could not be reached, or its answer could not be read";

	private static final int MAX_MESSAGE_LENGTH = 256;

	private static final Pattern RFC_6749_ERROR_CODE = Pattern.compile("[a-z_]+");

	private HitKeyErrors() {
	}

	/**
	 * Return the OAuth2 error for an error answer of HitKey.
	 * @param status the HTTP status
	 * @param body the first bytes of the body, at most {@link #MAX_BODY_BYTES}
	 * @return the error
	 */
	public static OAuth2Error toError(HttpStatusCode status, byte[] body) {
		JsonNode json = parse(body);
		String error = text(json, "error");
		if (error != null && RFC_6749_ERROR_CODE.matcher(error).matches()) {
			return new OAuth2Error(error, text(json, "error_description"), text(json, "error_uri"));
		}
		String message = (error != null) ? error : "HitKey answered HTTP " + status.value();
		return new OAuth2Error(errorCode(status, message), message, null);
	}

	private static @Nullable JsonNode parse(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return JsonMapper.shared().readTree(Arrays.copyOf(body, Math.min(body.length, MAX_BODY_BYTES)));
		}
		catch (JacksonException ex) {
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
