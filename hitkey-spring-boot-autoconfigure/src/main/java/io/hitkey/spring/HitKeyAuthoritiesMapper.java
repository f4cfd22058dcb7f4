package io.hitkey.spring;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;

/**
 * Maps a signed-in HitKey user to the authorities of their {@link HitKeyUser} principal.
 * Declare a bean of this type to replace the {@link #standard() standard mapping}; to
 * add to it, call {@code HitKeyAuthoritiesMapper.standard().mapAuthorities(user)} from
 * your own mapper.
 *
 * @author HitKey
 * @since 0.1.0
 */
@FunctionalInterface
public interface HitKeyAuthoritiesMapper {

	/**
	 * Return the authorities of the given user.
	 * @param user the user, with its claims and granted scopes but no authorities yet
	 * @return the authorities
	 */
	Collection<? extends GrantedAuthority> mapAuthorities(HitKeyUser user);

	/**
	 * Return the standard mapping: {@code SCOPE_<scope>} per granted scope and, for a
	 * user with a project, {@code ROLE_<ROLE>} (upper-cased, so {@code hasRole('ADMIN')}
	 * works) and {@code PERMISSION_<key>} per project permission.
	 * @return the standard mapping
	 */
	static HitKeyAuthoritiesMapper standard() {
		return StandardHitKeyAuthoritiesMapper.INSTANCE;
	}

}
