package io.hitkey.spring.sample;

import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * What the sign-in failure page says about a failed sign-in: what happened in the
 * sample's words, and HitKey's own message, quoted as such, only when HitKey sent one.
 *
 * @param title what happened
 * @param explanation what it means for the user, if there is more to say
 * @param hitKeyMessage the message HitKey sent, if any
 * @param detail a description of the failure that HitKey did not write, if any
 * @author HitKey
 */
record SignInFailure(String title, @Nullable String explanation, @Nullable String hitKeyMessage,
		@Nullable String detail) {

	/**
	 * Spring Security's codes for a callback that belongs to no sign-in of this session.
	 */
	private static final Set<String> NOT_STARTED_HERE = Set.of("authorization_request_not_found",
			"invalid_state_parameter");

	/**
	 * The codes of failures described by Spring Security or by the starter, never by
	 * HitKey: its answer could not be read or used.
	 */
	private static final Set<String> ANSWER_NOT_USABLE = Set.of("invalid_token_response", "invalid_user_info_response",
			"client_registration_not_found", "invalid_redirect_uri_parameter", "missing_user_info_uri",
			"missing_user_name_attribute");

	/**
	 * The starter's description of an error answer of HitKey without a message of its
	 * own (an HTML error page of a proxy, for example).
	 */
	private static final Pattern STATUS_ONLY = Pattern.compile("HitKey answered HTTP \\d{3}");

	static SignInFailure of(@Nullable Object exception) {
		if (!(exception instanceof OAuth2AuthenticationException failure)) {
			return new SignInFailure("Sign-in did not complete",
					"No sign-in has failed in this browser session, or its failure has been shown already.", null,
					null);
		}
		OAuth2Error error = failure.getError();
		String code = error.getErrorCode();
		String description = error.getDescription();
		if (OAuth2ErrorCodes.ACCESS_DENIED.equals(code) && description == null) {
			return new SignInFailure("You cancelled the sign-in at HitKey",
					"Nothing was shared with this application. You can sign in again whenever you like.", null, null);
		}
		if (NOT_STARTED_HERE.contains(code)) {
			return new SignInFailure("This sign-in has expired", "HitKey sent you back for a sign-in that this "
					+ "browser session is not waiting for: it was completed already, took too long, or was started "
					+ "in another browser. Sign in again.", null, null);
		}
		if (ANSWER_NOT_USABLE.contains(code)) {
			return new SignInFailure("Sign-in did not complete", "HitKey's answer could not be used.", null,
					description);
		}
		if (description != null && !STATUS_ONLY.matcher(description).matches()) {
			return new SignInFailure("Sign-in with HitKey failed", null, description, null);
		}
		return new SignInFailure("Sign-in did not complete", "Signing in with HitKey did not work.", null,
				description);
	}

}
