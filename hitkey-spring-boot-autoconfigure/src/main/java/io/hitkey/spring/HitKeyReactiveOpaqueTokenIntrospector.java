package io.hitkey.spring;

import io.hitkey.spring.autoconfigure.HitKeyBearerTokenFailures;
import io.hitkey.spring.autoconfigure.HitKeyErrors;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The reactive counterpart of {@link HitKeyOpaqueTokenIntrospector}: checks a HitKey
 * access token at HitKey's userinfo endpoint, with the same principal and the same
 * failures.
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class HitKeyReactiveOpaqueTokenIntrospector implements ReactiveOpaqueTokenIntrospector {

	private final WebClient webClient;

	private final String userInfoUri;

	private final HitKeyAuthoritiesMapper authoritiesMapper;

	/**
	 * Create a new instance.
	 * @param webClient the client for HitKey's userinfo endpoint
	 * @param userInfoUri the address of HitKey's userinfo endpoint
	 * @param authoritiesMapper the mapping of users to authorities
	 */
	public HitKeyReactiveOpaqueTokenIntrospector(WebClient webClient, String userInfoUri,
			HitKeyAuthoritiesMapper authoritiesMapper) {
		Assert.notNull(webClient, "'webClient' must not be null");
		Assert.hasText(userInfoUri, "'userInfoUri' must not be empty");
		Assert.notNull(authoritiesMapper, "'authoritiesMapper' must not be null");
		this.webClient = webClient;
		this.userInfoUri = userInfoUri;
		this.authoritiesMapper = authoritiesMapper;
	}

	@Override
	public Mono<OAuth2AuthenticatedPrincipal> introspect(String token) {
		return this.webClient.get()
			.uri(this.userInfoUri)
			.accept(MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchangeToMono(this::user)
			.onErrorMap((ex) -> !(ex instanceof OAuth2IntrospectionException),
					(ex) -> HitKeyBearerTokenFailures.unavailable(HitKeyErrors.UNREACHABLE, ex))
			.switchIfEmpty(Mono.error(() -> HitKeyBearerTokenFailures.unavailable(HitKeyErrors.UNREACHABLE, null)));
	}

	private Mono<OAuth2AuthenticatedPrincipal> user(ClientResponse response) {
		return ReactiveUserInfoBodies.bytes(response).map((body) -> {
			if (!response.statusCode().is2xxSuccessful()) {
				throw HitKeyBearerUsers.failure(response.statusCode(), body);
			}
			return HitKeyBearerUsers.user(body, this.authoritiesMapper);
		});
	}

}
