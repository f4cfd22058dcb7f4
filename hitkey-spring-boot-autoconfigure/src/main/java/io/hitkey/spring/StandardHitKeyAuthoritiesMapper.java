package io.hitkey.spring;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.util.StringUtils;

/**
 * The standard {@link HitKeyAuthoritiesMapper}.
 *
 * @author HitKey
 */
final class StandardHitKeyAuthoritiesMapper implements HitKeyAuthoritiesMapper {

	static final StandardHitKeyAuthoritiesMapper INSTANCE = new StandardHitKeyAuthoritiesMapper();

	private StandardHitKeyAuthoritiesMapper() {
	}

	@Override
	public Collection<? extends GrantedAuthority> mapAuthorities(HitKeyUser user) {
		Set<GrantedAuthority> authorities = new LinkedHashSet<>();
		user.scopes().forEach((scope) -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
		user.project().ifPresent((project) -> {
			if (StringUtils.hasText(project.role())) {
				authorities.add(new SimpleGrantedAuthority("ROLE_" + project.role().toUpperCase(Locale.ROOT)));
			}
			project.permissions()
				.forEach((permission) -> authorities.add(new SimpleGrantedAuthority("PERMISSION_" + permission)));
		});
		return authorities;
	}

}
