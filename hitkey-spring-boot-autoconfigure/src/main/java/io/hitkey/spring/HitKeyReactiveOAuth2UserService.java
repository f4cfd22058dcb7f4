package io.hitkey.spring;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.userinfo.DefaultReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;

/**
 * The reactive counterpart of {@link HitKeyOAuth2UserService}: loads HitKey's userinfo
 * and returns the same {@link HitKeyUser}, with the same authorities. Users of other
 * registrations are loaded by Spring Security's {@link DefaultReactiveOAuth2UserService}.
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class HitKeyReactiveOAuth2UserService implements ReactiveOAuth2UserService<OAuth2UserRequest, OAuth2User> {

	private static final String INVALID_USER_INFO_RESPONSE = "invalid_user_info_response";

	private static final String UNREACHABLE = "HitKey could not be reached, or its answer could not be read";

	private final DefaultReactiveOAuth2UserService hitKeyUserInfo = new DefaultReactiveOAuth2UserService();

	private final ReactiveOAuth2UserService<OAuth2UserRequest, OAuth2User> otherRegistrations = new DefaultReactiveOAuth2UserService();

	private final HitKeyAuthoritiesMapper authoritiesMapper;

	/**
	 * Create a new instance.
	 * @param webClient the client for HitKey's userinfo endpoint
	 * @param authoritiesMapper the mapping of users to authorities
	 */
	public HitKeyReactiveOAuth2UserService(WebClient webClient, HitKeyAuthoritiesMapper authoritiesMapper) {
		Assert.notNull(webClient, "'webClient' must not be null");
		Assert.notNull(authoritiesMapper, "'authoritiesMapper' must not be null");
		this.authoritiesMapper = authoritiesMapper;
		this.hitKeyUserInfo.setWebClient(webClient);
		this.hitKeyUserInfo.setAttributesConverter((request) -> (claims) -> {
			validate(claims);
			return claims;
		});
	}

	@Override
	public Mono<OAuth2User> loadUser(OAuth2UserRequest userRequest) throws OAuth2AuthenticationException {
		if (!HitKeyClientRegistrations.isHitKey(userRequest.getClientRegistration())) {
			return this.otherRegistrations.loadUser(userRequest);
		}
		return this.hitKeyUserInfo.loadUser(userRequest)
			.onErrorMap(WebClientException.class, (ex) -> {
				OAuth2Error error = new OAuth2Error(INVALID_USER_INFO_RESPONSE, UNREACHABLE, null);
				return new OAuth2AuthenticationException(error, UNREACHABLE, ex);
			})
			.map((user) -> HitKeyUser.fromClaims(user.getAttributes(), userRequest.getAccessToken().getScopes(),
					this.authoritiesMapper));
	}

	private static void validate(Map<String, Object> claims) {
		try {
			HitKeyUser.fromClaims(claims, List.of(), List.of());
		}
		catch (IllegalArgumentException ex) {
			OAuth2Error error = new OAuth2Error(INVALID_USER_INFO_RESPONSE, ex.getMessage(), null);
			throw new OAuth2AuthenticationException(error, ex.getMessage());
		}
	}

}
