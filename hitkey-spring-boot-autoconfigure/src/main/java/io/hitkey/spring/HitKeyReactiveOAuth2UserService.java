package io.hitkey.spring;

import java.util.Map;

import io.hitkey.spring.autoconfigure.HitKeyErrors;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.userinfo.DefaultReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The reactive counterpart of {@link HitKeyOAuth2UserService}: loads HitKey's userinfo
 * and returns the same {@link HitKeyUser}, with the same authorities. Every answer that
 * does not hold a HitKey user (an error, a redirect, an empty or unreadable body, a
 * HitKey that cannot be reached) fails the sign-in with
 * {@code invalid_user_info_response}, as on the servlet side. Users of other
 * registrations are loaded by Spring Security's {@link DefaultReactiveOAuth2UserService}.
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class HitKeyReactiveOAuth2UserService implements ReactiveOAuth2UserService<OAuth2UserRequest, OAuth2User> {

	private final WebClient webClient;

	private final ReactiveOAuth2UserService<OAuth2UserRequest, OAuth2User> otherRegistrations =
			new DefaultReactiveOAuth2UserService();

	private final HitKeyAuthoritiesMapper authoritiesMapper;

	/**
	 * Create a new instance.
	 * @param webClient the client for HitKey's userinfo endpoint
	 * @param authoritiesMapper the mapping of users to authorities
	 */
	public HitKeyReactiveOAuth2UserService(WebClient webClient, HitKeyAuthoritiesMapper authoritiesMapper) {
		Assert.notNull(webClient, "'webClient' must not be null");
		Assert.notNull(authoritiesMapper, "'authoritiesMapper' must not be null");
		this.webClient = webClient;
		this.authoritiesMapper = authoritiesMapper;
	}

	@Override
	public Mono<OAuth2User> loadUser(OAuth2UserRequest userRequest) throws OAuth2AuthenticationException {
		if (!HitKeyClientRegistrations.isHitKey(userRequest.getClientRegistration())) {
			return this.otherRegistrations.loadUser(userRequest);
		}
		String userInfoUri = userRequest.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUri();
		return this.webClient.get()
			.uri(userInfoUri)
			.accept(MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBearerAuth(userRequest.getAccessToken().getTokenValue()))
			.exchangeToMono(HitKeyReactiveOAuth2UserService::claims)
			.onErrorMap((ex) -> !(ex instanceof OAuth2AuthenticationException),
					(ex) -> HitKeyUserInfoAnswers.failure(HitKeyErrors.UNREACHABLE, ex))
			.switchIfEmpty(Mono.error(() -> HitKeyUserInfoAnswers.failure(HitKeyUserInfoAnswers.EMPTY, null)))
			.map((claims) -> HitKeyUser.fromClaims(claims, userRequest.getAccessToken().getScopes(),
					this.authoritiesMapper));
	}

	private static Mono<Map<String, Object>> claims(ClientResponse response) {
		return ReactiveUserInfoBodies.bytes(response).map((body) -> {
			if (!response.statusCode().is2xxSuccessful()) {
				String description = HitKeyErrors.toError(response.statusCode(), body).getDescription();
				throw HitKeyUserInfoAnswers.failure((description != null) ? description : HitKeyErrors.UNREACHABLE,
						null);
			}
			return HitKeyUserInfoAnswers.validated(HitKeyUserInfoAnswers.claims(body));
		});
	}

}
