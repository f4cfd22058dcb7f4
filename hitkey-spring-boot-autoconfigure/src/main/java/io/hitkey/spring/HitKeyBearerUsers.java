package io.hitkey.spring;

import java.util.Map;

import io.hitkey.spring.autoconfigure.HitKeyBearerTokenFailures;
import io.hitkey.spring.autoconfigure.HitKeyErrors;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;

/**
 * What HitKey's userinfo answer to a Bearer token means, for the servlet and the reactive
 * introspector alike. Claims of a user make a {@link HitKeyUser} with the authorities of
 * a browser sign-in. HitKey refusing the token ({@code 401}) makes it invalid. Anything
 * else (another error status, an answer that holds no user) is HitKey failing, not the
 * token.
 * The user's scopes are those its claims show: see {@link HitKeyUser#fromUserInfo}.
 *
 * @author HitKey
 */
final class HitKeyBearerUsers {

	static final String REFUSED = "HitKey does not accept this access token: it is expired, revoked or unknown";

	private HitKeyBearerUsers() {
	}

	/**
	 * Return the owner of a token HitKey accepted.
	 * @param claims the claims of HitKey's answer
	 * @param authoritiesMapper the mapping of users to authorities
	 * @return the user
	 * @throws OAuth2IntrospectionException if the claims hold no HitKey user
	 */
	private static HitKeyUser user(@Nullable Map<String, Object> claims, HitKeyAuthoritiesMapper authoritiesMapper) {
		try {
			Map<String, Object> user = HitKeyUserInfoAnswers.validated(claims);
			return HitKeyUser.fromUserInfo(user, authoritiesMapper);
		}
		catch (OAuth2AuthenticationException ex) {
			throw HitKeyBearerTokenFailures.unavailable(String.valueOf(ex.getError().getDescription()), ex);
		}
	}

	/**
	 * Return the owner of a token HitKey accepted, from the body of its answer.
	 * @param body the body of HitKey's {@code 2xx} answer
	 * @param authoritiesMapper the mapping of users to authorities
	 * @return the user
	 * @throws OAuth2IntrospectionException if the body holds no HitKey user
	 */
	static HitKeyUser user(byte[] body, HitKeyAuthoritiesMapper authoritiesMapper) {
		Map<String, Object> claims;
		try {
			claims = HitKeyUserInfoAnswers.claims(body);
		}
		catch (OAuth2AuthenticationException ex) {
			throw HitKeyBearerTokenFailures.unavailable(String.valueOf(ex.getError().getDescription()), ex);
		}
		return user(claims, authoritiesMapper);
	}

	/**
	 * Return the failure of a token check HitKey answered with an error status. Only its
	 * status counts, never its body: HitKey answers {@code 401} for a token it does not
	 * accept; anything else (a {@code 403} from a proxy in front of it, {@code 429},
	 * {@code 5xx}, a redirect) says nothing about the token.
	 * @param status the status of HitKey's answer
	 * @param body the first bytes of its body, for the description
	 * @return a {@link BadOpaqueTokenException} for {@code 401}, an
	 * {@link OAuth2IntrospectionException} from {@link HitKeyBearerTokenFailures} otherwise
	 */
	static OAuth2IntrospectionException failure(HttpStatusCode status, byte[] body) {
		if (status.value() == HttpStatus.UNAUTHORIZED.value()) {
			return new BadOpaqueTokenException(REFUSED);
		}
		String description = HitKeyErrors.toError(status, body).getDescription();
		return HitKeyBearerTokenFailures.unavailable((description != null) ? description : HitKeyErrors.UNREACHABLE,
				null);
	}

}
