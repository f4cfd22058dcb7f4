package io.hitkey.spring.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
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

	private @Nullable ListableBeanFactory beans;

	@Autowired(required = false)
	void setBeanFactory(ListableBeanFactory beans) {
		this.beans = beans;
	}

	@Override
	public SecurityContext createSecurityContext(WithMockHitKeyUser annotation) {
		MockHitKeyLogin login = new MockHitKeyLogin();
		login.sub(annotation.sub());
		login.name(annotation.name());
		login.email(annotation.email());
		if (!annotation.projectRole().isEmpty()) {
			login.projectRole(annotation.projectRole(), List.of(annotation.permissions()));
		}
		if (annotation.scopes().length > 0) {
			login.scopes(List.of(annotation.scopes()));
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(annotation.bearerToken() ? MockHitKeyBearerToken.authentication(login, this.beans)
				: login.authentication(this.beans));
		return context;
	}

}
