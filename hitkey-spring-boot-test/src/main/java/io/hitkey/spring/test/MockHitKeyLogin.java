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

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * The user of a mock HitKey login and the authentication a real sign-in would give
 * them. The claims come from the same builder as {@link FakeHitKey}'s userinfo, filtered
 * by the granted scopes; the principal and authorities come from
 * {@link HitKeyUser#fromClaims} with the application's {@link HitKeyAuthoritiesMapper}
 * and {@link GrantedAuthoritiesMapper}, as in a real sign-in.
 *
 * @author HitKey
 */
final class MockHitKeyLogin {

	static final String DEFAULT_SUB = "00000000-0000-4000-8000-000000000001";

	static final String DEFAULT_NAME = "Test User";

	static final String DEFAULT_EMAIL = "user@example.com";

	private static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "email");

	private FakeHitKeyUser user = FakeHitKeyUser.of(DEFAULT_NAME, DEFAULT_EMAIL).withSub(UUID.fromString(DEFAULT_SUB));

	private @Nullable Set<String> scopes;

	private @Nullable Collection<String> requestedScopes;

	private final Map<String, Object> extraClaims = new LinkedHashMap<>();

	void sub(String sub) {
		this.user = this.user.withSub(UUID.fromString(sub));
	}

	void name(String name) {
		this.user = this.user.withNameAndEmail(name, this.user.email());
	}

	void email(@Nullable String email) {
		this.user = this.user.withNameAndEmail(this.user.name(), email);
	}

	void projectRole(String role, List<String> permissions) {
		this.user = this.user.withProjectRole(role, permissions.toArray(String[]::new));
	}

	void scopes(Collection<String> scopes) {
		this.scopes = new LinkedHashSet<>(scopes);
	}

	/**
	 * Set the scopes the application asks HitKey for, where they cannot be looked up in
	 * a servlet client registration repository.
	 */
	void requestedScopes(Collection<String> requestedScopes) {
		this.requestedScopes = requestedScopes;
	}

	void claim(String name, @Nullable Object value) {
		this.extraClaims.put(name, value);
	}

	void user(FakeHitKeyUser user) {
		this.user = user;
	}

	String principalName() {
		return this.user.sub().toString();
	}

	/**
	 * Return the granted scopes: the ones set, or else the ones the application asks
	 * HitKey for, with {@code project:read} added for a user given a project role.
	 */
	Set<String> grantedScopes(@Nullable ListableBeanFactory beans) {
		if (this.scopes != null) {
			return this.scopes;
		}
		Set<String> scopes = new LinkedHashSet<>();
		scopes.add("openid");
		scopes.addAll((this.requestedScopes != null) ? this.requestedScopes : requestedScopes(beans));
		if (this.user.projectRole() != null) {
			scopes.add("project:read");
		}
		return scopes;
	}

	OAuth2AuthenticationToken authentication(@Nullable ListableBeanFactory beans) {
		return authentication(beans, true);
	}

	/**
	 * Return the authentication of a sign-in; {@code withFactor} adds the factor
	 * authority that Spring Security 7 records for a servlet OAuth2 login (its reactive
	 * login records none).
	 */
	OAuth2AuthenticationToken authentication(@Nullable ListableBeanFactory beans, boolean withFactor) {
		HitKeyUser user = hitKeyUser(beans);
		GrantedAuthoritiesMapper grantedAuthoritiesMapper = (beans != null)
				? beans.getBeanProvider(GrantedAuthoritiesMapper.class).getIfUnique() : null;
		List<GrantedAuthority> authorities = new ArrayList<>((grantedAuthoritiesMapper != null)
				? grantedAuthoritiesMapper.mapAuthorities(user.getAuthorities()) : user.getAuthorities());
		if (withFactor) {
			authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY));
		}
		return new OAuth2AuthenticationToken(user, authorities, HitKeyClientRegistrations.REGISTRATION_ID);
	}

	/**
	 * Return the user HitKey's userinfo describes, with the authorities of the
	 * application's {@link HitKeyAuthoritiesMapper}.
	 */
	HitKeyUser hitKeyUser(@Nullable ListableBeanFactory beans) {
		Set<String> grantedScopes = grantedScopes(beans);
		Map<String, Object> claims = new LinkedHashMap<>(this.user.claims(grantedScopes, FakeHitKeyProject.DEMO));
		claims.putAll(this.extraClaims);
		return HitKeyUser.fromClaims(claims, grantedScopes, authoritiesMapper(beans));
	}

	static HitKeyAuthoritiesMapper authoritiesMapper(@Nullable ListableBeanFactory beans) {
		return (beans != null)
				? beans.getBeanProvider(HitKeyAuthoritiesMapper.class).getIfAvailable(HitKeyAuthoritiesMapper::standard)
				: HitKeyAuthoritiesMapper.standard();
	}

	OAuth2AccessToken accessToken(@Nullable ListableBeanFactory beans) {
		Instant now = Instant.now();
		return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "mock-hitkey-access-token-" + UUID.randomUUID(),
				now, now.plus(1, ChronoUnit.HOURS), grantedScopes(beans));
	}

	private static Collection<String> requestedScopes(@Nullable ListableBeanFactory beans) {
		ClientRegistrationRepository repository = (beans != null)
				? beans.getBeanProvider(ClientRegistrationRepository.class).getIfAvailable() : null;
		ClientRegistration registration = (repository != null)
				? repository.findByRegistrationId(HitKeyClientRegistrations.REGISTRATION_ID) : null;
		return (registration != null) ? registration.getScopes() : DEFAULT_SCOPES;
	}

}
