package io.hitkey.spring.test;

import java.util.ArrayList;
import java.util.List;

import io.hitkey.spring.HitKeyUser;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;

/**
 * The authentication a request with a HitKey access token gets from the starter: the
 * {@link HitKeyUser} of the same userinfo claims as a sign-in, with the scopes those claims
 * show, its authorities as they are (a Bearer request goes through no
 * {@code GrantedAuthoritiesMapper}) and the factor authority Spring Security records for
 * Bearer tokens.
 *
 * @author HitKey
 */
final class MockHitKeyBearerToken {

	private MockHitKeyBearerToken() {
	}

	static BearerTokenAuthentication authentication(MockHitKeyLogin login, @Nullable ListableBeanFactory beans) {
		HitKeyUser user = HitKeyUser.fromUserInfo(login.hitKeyUser(beans).getAttributes(),
				MockHitKeyLogin.authoritiesMapper(beans));
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.BEARER_AUTHORITY));
		return new BearerTokenAuthentication(user, login.accessToken(beans), authorities);
	}

}
