package io.hitkey.spring;

import java.net.URI;
import java.util.Map;

import io.hitkey.spring.autoconfigure.HitKeyBearerTokenFailures;
import io.hitkey.spring.autoconfigure.HitKeyErrors;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.util.Assert;
import org.springframework.web.client.RestOperations;

/**
 * An {@link OpaqueTokenIntrospector} for HitKey access tokens. HitKey has no
 * introspection endpoint: a token is checked by calling its userinfo endpoint with it.
 * The principal is the token's {@link HitKeyUser}, with the authorities of a browser
 * sign-in. A token HitKey refuses is a {@link BadOpaqueTokenException}; HitKey down,
 * slow, rate-limiting or answering garbage is an {@link OAuth2IntrospectionException}
 * from {@link HitKeyBearerTokenFailures#unavailable}, since the token may well be
 * valid.
 * <p>
 * Each call costs a call to HitKey; the starter keeps its answers in a cache in front of
 * this introspector.
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class HitKeyOpaqueTokenIntrospector implements OpaqueTokenIntrospector {

	private static final ParameterizedTypeReference<Map<String, Object>> CLAIMS = new ParameterizedTypeReference<>() {
	};

	private final RestOperations restOperations;

	private final URI userInfoUri;

	private final HitKeyAuthoritiesMapper authoritiesMapper;

	/**
	 * Create a new instance.
	 * @param restOperations the client for HitKey's userinfo endpoint, which throws
	 * {@link OAuth2AuthorizationException} for HitKey's error answers
	 * @param userInfoUri the address of HitKey's userinfo endpoint
	 * @param authoritiesMapper the mapping of users to authorities
	 */
	public HitKeyOpaqueTokenIntrospector(RestOperations restOperations, String userInfoUri,
			HitKeyAuthoritiesMapper authoritiesMapper) {
		Assert.notNull(restOperations, "'restOperations' must not be null");
		Assert.hasText(userInfoUri, "'userInfoUri' must not be empty");
		Assert.notNull(authoritiesMapper, "'authoritiesMapper' must not be null");
		this.restOperations = restOperations;
		this.userInfoUri = URI.create(userInfoUri);
		this.authoritiesMapper = authoritiesMapper;
	}

	@Override
	public OAuth2AuthenticatedPrincipal introspect(String token) {
		RequestEntity<Void> request = RequestEntity.get(this.userInfoUri)
			.accept(MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBearerAuth(token))
			.build();
		Map<String, Object> claims;
		try {
			claims = this.restOperations.exchange(request, CLAIMS).getBody();
		}
		catch (OAuth2AuthorizationException ex) {
			throw HitKeyBearerUsers.failure(ex.getError(), ex);
		}
		catch (RuntimeException ex) {
			throw HitKeyBearerTokenFailures.unavailable(HitKeyErrors.UNREACHABLE, ex);
		}
		return HitKeyBearerUsers.user(claims, this.authoritiesMapper);
	}

}
