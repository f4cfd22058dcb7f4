package io.hitkey.spring;

import java.util.Map;
import java.util.Set;

import io.hitkey.spring.autoconfigure.HitKeyBearerTokenFailures;
import io.hitkey.spring.autoconfigure.HitKeyErrors;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;

/**
 * What HitKey's userinfo answer to a Bearer token means, for the servlet and the reactive
 * introspector alike. Claims of a user make a {@link HitKeyUser} with the authorities of
 * a browser sign-in. HitKey refusing the token ({@code 401}, {@code 403}, an invalid
 * grant) makes it invalid. Anything else (an error {@code 5xx} or {@code 429}, an answer
 * that holds no user, an unexpected status) is HitKey failing, not the token.
 * The user's scopes are those its claims show: see {@link HitKeyUser#fromUserInfo}.
 *
 * @author HitKey
 */
final class HitKeyBearerUsers {

	static final String REFUSED = "HitKey does not accept this access token: it is expired, revoked or unknown";

	private static final Set<String> REFUSALS = Set.of(OAuth2ErrorCodes.INVALID_TOKEN, OAuth2ErrorCodes.ACCESS_DENIED,
			OAuth2ErrorCodes.INVALID_GRANT);

	private HitKeyBearerUsers() {
	}

	/**
	 * Return the owner of a token HitKey accepted.
	 * @param claims the claims of HitKey's answer
	 * @param authoritiesMapper the mapping of users to authorities
	 * @return the user
	 * @throws OAuth2IntrospectionException if the claims hold no HitKey user
	 */
	static HitKeyUser user(@Nullable Map<String, Object> claims, HitKeyAuthoritiesMapper authoritiesMapper) {
		try {
			Map<String, Object> user = HitKeyUserInfoAnswers.validated(claims);
			return HitKeyUser.fromUserInfo(user, authoritiesMapper);
		}
		catch (OAuth2AuthenticationException ex) {
			throw HitKeyBearerTokenFailures.unavailable(String.valueOf(ex.getError().getDescription()), ex);
		}
	}

	/**
	 * Return the failure of a token check HitKey answered with an error.
	 * @param error HitKey's error
	 * @param cause the underlying exception
	 * @return a {@link BadOpaqueTokenException} when HitKey refused the token, an
	 * {@link OAuth2IntrospectionException} from {@link HitKeyBearerTokenFailures} otherwise
	 */
	static OAuth2IntrospectionException failure(OAuth2Error error, @Nullable Throwable cause) {
		if (REFUSALS.contains(error.getErrorCode())) {
			return new BadOpaqueTokenException(REFUSED);
		}
		String description = (error.getDescription() != null) ? error.getDescription() : HitKeyErrors.UNREACHABLE;
		return HitKeyBearerTokenFailures.unavailable(description, cause);
	}

}
