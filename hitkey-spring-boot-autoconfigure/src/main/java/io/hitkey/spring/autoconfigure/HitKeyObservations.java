package io.hitkey.spring.autoconfigure;

import java.util.Set;

import io.hitkey.spring.HitKeyClientRegistrations;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * What the starter observes, on either stack: {@value #SIGN_IN} around each HitKey
 * callback, {@value #REFRESH} around each refresh of HitKey's access token, and for
 * each request that shared another request's refresh. Low-cardinality key values only:
 * an outcome and an OAuth2 error code from a bounded set, never a user, a code, a token
 * or a message. With Micrometer's meter handler each becomes a timer of that name.
 * <p>
 * The error code is {@value #ERROR_CODE}, not {@code error}: Micrometer's meter handler
 * adds an {@code error} tag of its own to every timer (the exception type, or
 * {@code none}), which would replace it.
 *
 * @author HitKey
 */
final class HitKeyObservations {

	static final String SIGN_IN = "hitkey.signin";

	static final String REFRESH = "hitkey.refresh";

	static final String OUTCOME = "outcome";

	static final String ERROR_CODE = "error.code";

	static final String SHARED = "shared";

	static final String NONE = "none";

	static final String OTHER = "other";

	private static final Set<String> ERROR_CODES = Set.of(OAuth2ErrorCodes.INVALID_REQUEST,
			OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, OAuth2ErrorCodes.ACCESS_DENIED,
			OAuth2ErrorCodes.UNSUPPORTED_RESPONSE_TYPE, OAuth2ErrorCodes.INVALID_SCOPE, OAuth2ErrorCodes.SERVER_ERROR,
			OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE, OAuth2ErrorCodes.INVALID_CLIENT, OAuth2ErrorCodes.INVALID_GRANT,
			OAuth2ErrorCodes.UNSUPPORTED_GRANT_TYPE, OAuth2ErrorCodes.INVALID_TOKEN,
			OAuth2ErrorCodes.INVALID_REDIRECT_URI, "invalid_token_response", "invalid_user_info_response",
			"missing_user_info_uri", "missing_user_name_attribute", "authorization_request_not_found",
			"client_registration_not_found", "invalid_state_parameter", "invalid_redirect_uri_parameter");

	private HitKeyObservations() {
	}

	/**
	 * Start the observation of a sign-in, a child of the given one.
	 */
	static Observation startSignIn(ObservationRegistry registry, @Nullable Observation parent) {
		return Observation.createNotStarted(SIGN_IN, registry).parentObservation(parent).start();
	}

	/**
	 * End the observation of a sign-in: a success when the callback left a security
	 * context signed in with HitKey, else a failure with the OAuth2 error code of the
	 * failure it left (the exception a failure handler keeps for the failure page), or
	 * {@value #OTHER} when it left none.
	 * @param observation the observation of the sign-in
	 * @param signedIn the security context the callback saved, or {@code null}
	 * @param failure the failure the callback kept, or {@code null}
	 */
	static void endSignIn(Observation observation, @Nullable Object signedIn, @Nullable Object failure) {
		if (signedIn instanceof SecurityContext context
				&& context.getAuthentication() instanceof OAuth2AuthenticationToken token
				&& HitKeyClientRegistrations.REGISTRATION_ID.equals(token.getAuthorizedClientRegistrationId())) {
			observation.lowCardinalityKeyValue(OUTCOME, "success").lowCardinalityKeyValue(ERROR_CODE, NONE);
		}
		else {
			String code = (failure instanceof AuthenticationException exception)
					? HitKeySignInFailures.forSession(exception).getError().getErrorCode() : OTHER;
			observation.lowCardinalityKeyValue(OUTCOME, "failure").lowCardinalityKeyValue(ERROR_CODE, bounded(code));
		}
		observation.stop();
	}

	/**
	 * Start the observation of a refresh of HitKey's access token, made by this request.
	 */
	static Observation startRefresh(ObservationRegistry registry, @Nullable Observation parent) {
		return Observation.createNotStarted(REFRESH, registry)
			.parentObservation(parent)
			.lowCardinalityKeyValue(SHARED, "false")
			.start();
	}

	/**
	 * End the observation of a refresh.
	 * @param observation the observation of the refresh
	 * @param failure why it failed, or {@code null} when it succeeded
	 */
	static void endRefresh(Observation observation, @Nullable Throwable failure) {
		observation.lowCardinalityKeyValue(outcome(failure)).stop();
	}

	/**
	 * Record a request of the given registration that got the outcome of a refresh
	 * another request made, instead of making its own: only its count means something.
	 * @param registry the registry
	 * @param registrationId the registration of the refreshed client
	 * @param failure the failure of the shared refresh, or {@code null}
	 */
	static void sharedRefresh(ObservationRegistry registry, String registrationId, @Nullable Throwable failure) {
		if (!HitKeyClientRegistrations.REGISTRATION_ID.equals(registrationId)) {
			return;
		}
		Observation.createNotStarted(REFRESH, registry)
			.lowCardinalityKeyValue(SHARED, "true")
			.lowCardinalityKeyValue(outcome(failure))
			.start()
			.stop();
	}

	private static KeyValue outcome(@Nullable Throwable failure) {
		if (failure == null) {
			return KeyValue.of(OUTCOME, "success");
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof OAuth2AuthorizationException refusal
					&& HitKeyRefreshFailures.requiresSignIn(refusal.getError())) {
				return KeyValue.of(OUTCOME, "refused");
			}
		}
		return KeyValue.of(OUTCOME, "unavailable");
	}

	private static String bounded(String errorCode) {
		return ERROR_CODES.contains(errorCode) ? errorCode : OTHER;
	}

}
