package io.hitkey.spring.test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.hitkey.spring.HitKeyAuthoritiesMapper;
import io.hitkey.spring.HitKeyClientRegistrations;
import io.hitkey.spring.HitKeyUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * The user of a mock HitKey login and the authentication a real sign-in would give
 * them: the principal and authorities come from {@link HitKeyUser#fromClaims} and the
 * application's {@link HitKeyAuthoritiesMapper}, as in a real sign-in.
 *
 * @author HitKey
 */
final class MockHitKeyLogin {

	static final String DEFAULT_SUB = "00000000-0000-4000-8000-000000000001";

	static final String DEFAULT_NAME = "Test User";

	static final String DEFAULT_EMAIL = "user@example.com";

	private String sub = DEFAULT_SUB;

	private String name = DEFAULT_NAME;

	private @Nullable String email = DEFAULT_EMAIL;

	private @Nullable String projectRole;

	private List<String> permissions = List.of();

	private @Nullable Set<String> scopes;

	private final Map<String, Object> extraClaims = new LinkedHashMap<>();

	void sub(String sub) {
		this.sub = sub;
	}

	void name(String name) {
		this.name = name;
	}

	void email(@Nullable String email) {
		this.email = email;
	}

	void projectRole(@Nullable String projectRole) {
		this.projectRole = projectRole;
	}

	void permissions(List<String> permissions) {
		this.permissions = List.copyOf(permissions);
	}

	void scopes(Collection<String> scopes) {
		this.scopes = new LinkedHashSet<>(scopes);
	}

	void claim(String name, @Nullable Object value) {
		this.extraClaims.put(name, value);
	}

	void user(FakeHitKeyUser user) {
		this.sub = user.sub().toString();
		this.name = user.name();
		this.email = user.email();
		this.projectRole = user.projectRole();
		this.permissions = user.permissions();
		this.extraClaims.putAll(user.claims(Set.of("profile"), null));
	}

	String principalName() {
		return this.sub;
	}

	Set<String> grantedScopes() {
		if (this.scopes != null) {
			return this.scopes;
		}
		Set<String> scopes = new LinkedHashSet<>(List.of("openid", "profile", "email"));
		if (this.projectRole != null) {
			scopes.add("project:read");
		}
		return scopes;
	}

	OAuth2AuthenticationToken authentication(HitKeyAuthoritiesMapper authoritiesMapper) {
		HitKeyUser user = HitKeyUser.fromClaims(claims(), grantedScopes(), authoritiesMapper);
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		// Spring Security 7 records the factor of a real OAuth2 login next to the mapped
		// authorities; a mock login carries it too.
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY));
		return new OAuth2AuthenticationToken(user, authorities, HitKeyClientRegistrations.REGISTRATION_ID);
	}

	OAuth2AccessToken accessToken() {
		Instant now = Instant.now();
		return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "mock-hitkey-access-token-" + UUID.randomUUID(),
				now, now.plus(1, ChronoUnit.HOURS), grantedScopes());
	}

	private Map<String, Object> claims() {
		Map<String, Object> claims = new LinkedHashMap<>(this.extraClaims);
		claims.put("sub", this.sub);
		claims.put("id", this.sub);
		claims.put("name", this.name);
		claims.put("email", this.email);
		if (this.projectRole != null) {
			claims.put("project", FakeHitKeyProject.DEMO.claim(this.projectRole, this.permissions));
		}
		return claims;
	}

}
