package io.hitkey.spring.autoconfigure;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * What a failed sign-in leaves behind, on either stack: one log line that says why (the
 * OAuth2 error code and HitKey's message, made safe to log), and the error the failure
 * page shows, kept in the session as a new {@link OAuth2AuthenticationException}: Spring
 * Security attaches the sign-in request to the exception it throws (the client
 * registration with its secret, the authorization code), and its cause may hold
 * HitKey's answer or not be serializable at all; none of that may reach a shared session
 * store.
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class HitKeySignInFailures {

	private HitKeySignInFailures() {
	}

	/**
	 * Return the line to log for the given failed sign-in.
	 * @param exception why the sign-in failed
	 * @return the log line
	 */
	public static String logLine(AuthenticationException exception) {
		if (exception instanceof OAuth2AuthenticationException oauth2) {
			OAuth2Error error = oauth2.getError();
			// Both may come from the callback's query: anyone can put line breaks there.
			return "HitKey sign-in failed: " + HitKeyLogText.of(error.getErrorCode())
					+ ((error.getDescription() != null) ? ": " + HitKeyLogText.of(error.getDescription()) : "");
		}
		return "HitKey sign-in failed: " + exception.getClass().getSimpleName();
	}

	/**
	 * Return the given failure as it is kept in the session for the failure page: its
	 * OAuth2 error alone; any other failure (from an application's own user service, for
	 * example) as {@code access_denied} when the account is disabled, locked or expired,
	 * else {@code server_error}, described by its type.
	 * @param exception why the sign-in failed
	 * @return the failure to keep
	 */
	public static OAuth2AuthenticationException forSession(AuthenticationException exception) {
		if (exception instanceof OAuth2AuthenticationException oauth2) {
			return new OAuth2AuthenticationException(oauth2.getError());
		}
		String code = (exception instanceof AccountStatusException) ? OAuth2ErrorCodes.ACCESS_DENIED
				: OAuth2ErrorCodes.SERVER_ERROR;
		return new OAuth2AuthenticationException(
				new OAuth2Error(code, "Sign-in failed: " + exception.getClass().getSimpleName(), null));
	}

}
