package io.hitkey.spring.autoconfigure;

import java.time.Duration;
import java.util.Set;

import io.hitkey.spring.HitKeyClientRegistrations;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * What a failed refresh of HitKey's access token means, on either stack. When HitKey
 * refuses the refresh token (it expired, or reached HitKey's 90-day cap) the user must
 * sign in again: browsers are sent to sign in, API calls get {@code 401}. Any other
 * failure (HitKey down, slow, answering garbage) says nothing about the user: the answer
 * is {@code 503} with {@code Retry-After: }{@link #RETRY_AFTER}, and the session keeps
 * its tokens for the next try.
 *
 * @author HitKey
 */
public final class HitKeyRefreshFailures {

	/**
	 * How long a client is asked to wait when HitKey could not refresh a token.
	 */
	public static final Duration RETRY_AFTER = Duration.ofSeconds(30);

	/**
	 * The message of the {@code 503} answer.
	 */
	public static final String UNAVAILABLE_MESSAGE = "HitKey is not available, try again later";

	private static final Set<String> SIGN_IN_AGAIN = Set.of(OAuth2ErrorCodes.INVALID_GRANT,
			OAuth2ErrorCodes.INVALID_TOKEN);

	private HitKeyRefreshFailures() {
	}

	/**
	 * Return the failed authorization of HitKey's registration behind the given
	 * exception, if any: also when it is the cause of a
	 * {@link ClientAuthorizationRequiredException}, as a refused refresh is once the
	 * starter's authorized client manager has asked for a new sign-in.
	 * @param ex the exception
	 * @return HitKey's failure, or {@code null}
	 */
	public static @Nullable ClientAuthorizationException find(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ClientAuthorizationException failure
					&& !(failure instanceof ClientAuthorizationRequiredException)) {
				return HitKeyClientRegistrations.REGISTRATION_ID.equals(failure.getClientRegistrationId()) ? failure
						: null;
			}
		}
		return null;
	}

	/**
	 * Return whether the given refresh failure means that the user must sign in again.
	 * @param error the error of the failed refresh
	 * @return {@code true} to sign the user out, {@code false} to answer {@code 503}
	 */
	public static boolean requiresSignIn(OAuth2Error error) {
		return SIGN_IN_AGAIN.contains(error.getErrorCode());
	}

	/**
	 * Return what asks for a new sign-in when the given failure is HitKey refusing to
	 * refresh its token: a {@link ClientAuthorizationRequiredException} caused by the
	 * refusal, which {@code oauth2Login()} and {@code oauth2Client()} answer with a new
	 * sign-in at HitKey.
	 * @param failure a failed authorization
	 * @return the exception to raise instead, or {@code null} for any other failure
	 */
	public static @Nullable ClientAuthorizationRequiredException signInAgain(OAuth2AuthorizationException failure) {
		if (!(failure instanceof ClientAuthorizationException refusal)
				|| failure instanceof ClientAuthorizationRequiredException
				|| !HitKeyClientRegistrations.REGISTRATION_ID.equals(refusal.getClientRegistrationId())
				|| !requiresSignIn(refusal.getError())) {
			return null;
		}
		ClientAuthorizationRequiredException signInAgain = new ClientAuthorizationRequiredException(
				HitKeyClientRegistrations.REGISTRATION_ID);
		signInAgain.initCause(refusal);
		return signInAgain;
	}

	/**
	 * Return the log line of a refresh HitKey refused.
	 * @param error the error of the failed refresh
	 * @return the line, safe to log
	 */
	public static String refusedLogLine(OAuth2Error error) {
		return "HitKey refused to refresh the access token (" + HitKeyLogText.of(error.getErrorCode())
				+ "): the user must sign in again";
	}

	/**
	 * Return the log line of a refresh HitKey could not answer.
	 * @param error the error of the failed refresh
	 * @return the line, safe to log
	 */
	public static String unavailableLogLine(OAuth2Error error) {
		return "HitKey could not refresh the access token (" + HitKeyLogText.of(error.getErrorCode())
				+ "): answering 503";
	}

}
