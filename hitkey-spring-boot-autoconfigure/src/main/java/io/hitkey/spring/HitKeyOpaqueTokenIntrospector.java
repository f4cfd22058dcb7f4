package io.hitkey.spring;

import java.net.URI;

import io.hitkey.spring.autoconfigure.HitKeyBearerTokenFailures;
import io.hitkey.spring.autoconfigure.HitKeyErrors;

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * An {@link OpaqueTokenIntrospector} for HitKey access tokens. HitKey has no
 * introspection endpoint: a token is checked by calling its userinfo endpoint with it.
 * The principal is the token's {@link HitKeyUser}, with the authorities of a browser
 * sign-in. A token HitKey refuses ({@code 401}) is a {@link BadOpaqueTokenException};
 * HitKey down, slow, rate-limiting, answering another error or garbage is an
 * {@link OAuth2IntrospectionException}
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

	private final RestClient restClient;

	private final URI userInfoUri;

	private final HitKeyAuthoritiesMapper authoritiesMapper;

	/**
	 * Create a new instance.
	 * @param restClient the client for HitKey's userinfo endpoint
	 * @param userInfoUri the address of HitKey's userinfo endpoint
	 * @param authoritiesMapper the mapping of users to authorities
	 */
	public HitKeyOpaqueTokenIntrospector(RestClient restClient, String userInfoUri,
			HitKeyAuthoritiesMapper authoritiesMapper) {
		Assert.notNull(restClient, "'restClient' must not be null");
		Assert.hasText(userInfoUri, "'userInfoUri' must not be empty");
		Assert.notNull(authoritiesMapper, "'authoritiesMapper' must not be null");
		this.restClient = restClient;
		this.userInfoUri = URI.create(userInfoUri);
		this.authoritiesMapper = authoritiesMapper;
	}

	@Override
	public OAuth2AuthenticatedPrincipal introspect(String token) {
		try {
			return this.restClient.get()
				.uri(this.userInfoUri)
				.accept(MediaType.APPLICATION_JSON)
				.headers((headers) -> headers.setBearerAuth(token))
				.exchange((request, response) -> {
					byte[] body = response.getBody().readAllBytes();
					if (!response.getStatusCode().is2xxSuccessful()) {
						throw HitKeyBearerUsers.failure(response.getStatusCode(), body);
					}
					return HitKeyBearerUsers.user(body, this.authoritiesMapper);
				});
		}
		catch (OAuth2IntrospectionException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw HitKeyBearerTokenFailures.unavailable(HitKeyErrors.UNREACHABLE, ex);
		}
	}

}
