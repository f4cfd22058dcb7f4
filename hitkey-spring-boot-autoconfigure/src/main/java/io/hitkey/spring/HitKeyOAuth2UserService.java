package io.hitkey.spring;

import io.hitkey.spring.autoconfigure.HitKeyErrors;

import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.util.Assert;
import org.springframework.web.client.RestOperations;

/**
 * An {@link OAuth2UserService} that loads HitKey's userinfo and returns a
 * {@link HitKeyUser}. Users of other registrations are loaded by Spring Security's
 * {@link DefaultOAuth2UserService}.
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class HitKeyOAuth2UserService implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

	private final DefaultOAuth2UserService hitKeyUserInfo = new DefaultOAuth2UserService();

	private final OAuth2UserService<OAuth2UserRequest, OAuth2User> otherRegistrations = new DefaultOAuth2UserService();

	private final HitKeyAuthoritiesMapper authoritiesMapper;

	/**
	 * Create a new instance.
	 * @param restOperations the client for HitKey's userinfo endpoint
	 * @param authoritiesMapper the mapping of users to authorities
	 */
	public HitKeyOAuth2UserService(RestOperations restOperations, HitKeyAuthoritiesMapper authoritiesMapper) {
		Assert.notNull(restOperations, "'restOperations' must not be null");
		Assert.notNull(authoritiesMapper, "'authoritiesMapper' must not be null");
		this.authoritiesMapper = authoritiesMapper;
		this.hitKeyUserInfo.setRestOperations(restOperations);
		// Checked before DefaultOAuth2User is built, which would throw a bare
		// IllegalArgumentException (an error 500) for a userinfo without 'sub'.
		this.hitKeyUserInfo.setAttributesConverter((request) -> HitKeyUserInfoAnswers::validated);
	}

	@Override
	public OAuth2User loadUser(OAuth2UserRequest userRequest) throws OAuth2AuthenticationException {
		if (!HitKeyClientRegistrations.isHitKey(userRequest.getClientRegistration())) {
			return this.otherRegistrations.loadUser(userRequest);
		}
		OAuth2User user;
		try {
			user = this.hitKeyUserInfo.loadUser(userRequest);
		}
		catch (OAuth2AuthenticationException ex) {
			throw withUserFacingDescription(ex);
		}
		catch (IllegalArgumentException ex) {
			// Spring Security 7.1 refuses an empty userinfo body with a bare
			// IllegalArgumentException (an error 500) before the claims reach validate().
			throw unreadable(ex);
		}
		return HitKeyUser.fromClaims(user.getAttributes(), userRequest.getAccessToken().getScopes(),
				this.authoritiesMapper);
	}

	/**
	 * Spring Security describes a failed userinfo call with the text of the underlying
	 * exception, which names HitKey's internal URL: keep HitKey's own message when there
	 * is one, and a plain sentence otherwise, with the original as the cause.
	 */
	private static OAuth2AuthenticationException withUserFacingDescription(OAuth2AuthenticationException ex) {
		if (!HitKeyUserInfoAnswers.INVALID_USER_INFO_RESPONSE.equals(ex.getError().getErrorCode())
				|| ex.getCause() == null) {
			return ex;
		}
		String description = (ex.getCause() instanceof OAuth2AuthorizationException failure
				&& failure.getError().getDescription() != null) ? failure.getError().getDescription()
						: HitKeyErrors.UNREACHABLE;
		return HitKeyUserInfoAnswers.failure(description, ex);
	}

	private static OAuth2AuthenticationException unreadable(IllegalArgumentException ex) {
		String description = (ex.getMessage() != null && ex.getMessage().contains("body cannot be null"))
				? HitKeyUserInfoAnswers.EMPTY : "HitKey's userinfo answer could not be read";
		return HitKeyUserInfoAnswers.failure(description, ex);
	}

}
