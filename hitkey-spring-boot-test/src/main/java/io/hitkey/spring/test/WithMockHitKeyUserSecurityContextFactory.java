package io.hitkey.spring.test;

import java.util.List;

import io.hitkey.spring.HitKeyAuthoritiesMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/**
 * Creates the security context of {@link WithMockHitKeyUser @WithMockHitKeyUser}.
 *
 * @author HitKey
 */
final class WithMockHitKeyUserSecurityContextFactory implements WithSecurityContextFactory<WithMockHitKeyUser> {

	private HitKeyAuthoritiesMapper authoritiesMapper = HitKeyAuthoritiesMapper.standard();

	@Autowired(required = false)
	void setAuthoritiesMapper(HitKeyAuthoritiesMapper authoritiesMapper) {
		this.authoritiesMapper = authoritiesMapper;
	}

	@Override
	public SecurityContext createSecurityContext(WithMockHitKeyUser annotation) {
		MockHitKeyLogin login = new MockHitKeyLogin();
		login.sub(annotation.sub());
		login.name(annotation.name());
		login.email(annotation.email());
		if (!annotation.projectRole().isEmpty()) {
			login.projectRole(annotation.projectRole());
			login.permissions(List.of(annotation.permissions()));
		}
		if (annotation.scopes().length > 0) {
			login.scopes(List.of(annotation.scopes()));
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(login.authentication(this.authoritiesMapper));
		return context;
	}

}
