package io.hitkey.spring.autoconfigure;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * What a failed sign-in leaves behind, on either stack: one log line that says why (the
 * OAuth2 error code and HitKey's message, made safe to log), and the error the failure
 * page shows, kept in the session without its cause: a cause may hold HitKey's answer,
 * need not be serializable, and would cost a shared session store its bytes.
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
	 * Return the given failure as it is kept in the session for the failure page: an
	 * OAuth2 failure with its error only, any other as it is.
	 * @param exception why the sign-in failed
	 * @return the failure to keep
	 */
	public static AuthenticationException forSession(AuthenticationException exception) {
		return (exception instanceof OAuth2AuthenticationException oauth2)
				? new OAuth2AuthenticationException(oauth2.getError()) : exception;
	}

}
