package io.hitkey.spring.autoconfigure;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;

/**
 * What it means when HitKey cannot say whether a Bearer token is valid, on either stack.
 * HitKey down, slow, rate-limiting ({@code 429}), answering {@code 5xx} or garbage says
 * nothing about the token, which may well be valid: the answer is {@code 503} with
 * {@code Retry-After: }{@link HitKeyRefreshFailures#RETRY_AFTER} and a JSON body, not the
 * {@code 401} that would tell a client to drop its token. Such failures are never
 * cached, so a token is accepted again as soon as HitKey answers.
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class HitKeyBearerTokenFailures {

	/**
	 * The description of the {@code 503} answer.
	 */
	public static final String UNAVAILABLE_MESSAGE = "HitKey could not check the access token, try again later";

	static final byte[] UNAVAILABLE_BODY = ("{\"error\":\"temporarily_unavailable\",\"error_description\":\""
			+ UNAVAILABLE_MESSAGE + "\"}")
		.getBytes(StandardCharsets.UTF_8);

	private HitKeyBearerTokenFailures() {
	}

	/**
	 * Return the failure of a token check that HitKey could not answer.
	 * @param description what went wrong, safe to log and to show
	 * @param cause the underlying failure, or {@code null}
	 * @return the exception to throw from an introspector
	 */
	public static OAuth2IntrospectionException unavailable(String description, @Nullable Throwable cause) {
		return new OAuth2IntrospectionException(description, new HitKeyUnavailable(description, cause));
	}

	/**
	 * Return whether the given exception, or one of its causes, is a token check HitKey
	 * could not answer. Safe to call without Spring Security's resource server on the
	 * class path.
	 * @param ex the exception
	 * @return {@code true} to answer {@code 503}
	 */
	public static boolean isUnavailable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof HitKeyUnavailable) {
				return true;
			}
		}
		return false;
	}

	static String unavailableLogLine(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof HitKeyUnavailable unavailable) {
				return "HitKey could not check a Bearer token (" + HitKeyLogText.of(unavailable.getMessage())
						+ "): answering 503";
			}
		}
		return "HitKey could not check a Bearer token: answering 503";
	}

	/**
	 * Marks a failure as HitKey's. It is no {@link OAuth2IntrospectionException} itself,
	 * so that finding it needs no resource server on the class path.
	 */
	private static final class HitKeyUnavailable extends RuntimeException {

		private static final long serialVersionUID = 1L;

		HitKeyUnavailable(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
