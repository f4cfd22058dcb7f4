package io.hitkey.spring;

import java.util.List;
import java.util.Map;

import io.hitkey.spring.autoconfigure.HitKeyErrors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * What a userinfo answer of HitKey must hold, for the servlet and the reactive user
 * service alike: a JSON object with the claims of a {@link HitKeyUser}. Any other answer
 * fails the sign-in with {@code invalid_user_info_response} and a description fit for
 * users.
 *
 * @author HitKey
 */
final class HitKeyUserInfoAnswers {

	static final String INVALID_USER_INFO_RESPONSE = "invalid_user_info_response";

	static final String EMPTY = "HitKey userinfo answer is empty";

	private static final TypeReference<Map<String, Object>> CLAIMS = new TypeReference<>() {
	};

	private HitKeyUserInfoAnswers() {
	}

	/**
	 * Return the given claims once they are known to hold a HitKey user.
	 * @throws OAuth2AuthenticationException for no claims, or claims that do not
	 */
	static Map<String, Object> validated(@Nullable Map<String, Object> claims) {
		if (claims == null) {
			throw failure(EMPTY, null);
		}
		try {
			HitKeyUser.fromClaims(claims, List.of(), List.of());
		}
		catch (IllegalArgumentException ex) {
			throw failure(String.valueOf(ex.getMessage()), null);
		}
		return claims;
	}

	static OAuth2AuthenticationException failure(String description, @Nullable Throwable cause) {
		OAuth2Error error = new OAuth2Error(INVALID_USER_INFO_RESPONSE, description, null);
		return (cause != null) ? new OAuth2AuthenticationException(error, description, cause)
				: new OAuth2AuthenticationException(error, description);
	}

	/**
	 * Return the claims in the given body.
	 * @throws org.springframework.security.oauth2.core.OAuth2AuthenticationException if
	 * it holds no JSON object
	 */
	static Map<String, Object> claims(byte[] body) {
		if (body.length == 0) {
			throw HitKeyUserInfoAnswers.failure(HitKeyUserInfoAnswers.EMPTY, null);
		}
		try {
			Map<String, Object> claims = JsonMapper.shared().readValue(body, CLAIMS);
			if (claims == null) {
				throw HitKeyUserInfoAnswers.failure(HitKeyUserInfoAnswers.EMPTY, null);
			}
			return claims;
		}
		catch (JacksonException ex) {
			throw HitKeyUserInfoAnswers.failure(HitKeyErrors.UNREACHABLE, ex);
		}
	}

}
