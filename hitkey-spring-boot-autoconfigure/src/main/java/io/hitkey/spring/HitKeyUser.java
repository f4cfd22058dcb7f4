package io.hitkey.spring;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.util.Assert;

/**
 * A user signed in with HitKey. The name of the principal is the user's {@code sub}, the
 * only stable HitKey identity: key your own user records by {@link #id()}, never by
 * email, which the user can change at any time.
 * <p>
 * Inject it with {@code @AuthenticationPrincipal HitKeyUser user}. Two users are equal
 * when their {@code sub} is.
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class HitKeyUser implements OAuth2User, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * The user's HitKey id, the {@code sub} claim.
	 */
	private final UUID id;

	/**
	 * Every claim of HitKey's userinfo answer, as HitKey sent it.
	 */
	private final Map<String, Object> attributes;

	/**
	 * The scopes granted to the user's access token; for a Bearer token, those its claims
	 * show.
	 */
	private final Set<String> scopes;

	/**
	 * The user's authorities, as the {@link HitKeyAuthoritiesMapper} mapped them when the
	 * user was created.
	 */
	private final Set<GrantedAuthority> authorities;

	/**
	 * The user's HitKey project, from the {@code project} claim, or {@code null} without
	 * one.
	 */
	private final @Nullable HitKeyProject project;

	private HitKeyUser(UUID id, Map<String, Object> attributes, Set<String> scopes,
			Collection<? extends GrantedAuthority> authorities, @Nullable HitKeyProject project) {
		this.id = id;
		this.attributes = attributes;
		this.scopes = scopes;
		this.authorities = Collections.unmodifiableSet(new LinkedHashSet<>(authorities));
		this.project = project;
	}

	/**
	 * Create a user from the claims of HitKey's userinfo response.
	 * @param claims the userinfo claims
	 * @param grantedScopes the scopes granted to the access token
	 * @param authoritiesMapper the mapping of the user's claims and scopes to authorities
	 * @return the user
	 * @throws IllegalArgumentException if {@code sub} is missing or not a UUID, or a claim
	 * has a type that HitKey does not document
	 */
	public static HitKeyUser fromClaims(Map<String, ?> claims, Collection<String> grantedScopes,
			HitKeyAuthoritiesMapper authoritiesMapper) {
		Assert.notNull(claims, "'claims' must not be null");
		Assert.notNull(grantedScopes, "'grantedScopes' must not be null");
		Assert.notNull(authoritiesMapper, "'authoritiesMapper' must not be null");
		HitKeyUser user = fromClaims(claims, grantedScopes, List.of());
		Collection<? extends GrantedAuthority> authorities = authoritiesMapper.mapAuthorities(user);
		return new HitKeyUser(user.id, user.attributes, user.scopes, authorities, user.project);
	}

	/**
	 * Create the owner of an access token from HitKey's userinfo answer to it, when the
	 * token's scopes are unknown, as for a Bearer token: userinfo does not list them,
	 * only the claims they unlock. The user's scopes are those its claims show:
	 * {@code openid} always, {@code profile} with a {@code name} claim, {@code email}
	 * with an {@code email} claim and {@code project:read} with a {@code project} claim.
	 * @param claims the userinfo claims
	 * @param authoritiesMapper the mapping of the user's claims and scopes to authorities
	 * @return the user
	 * @throws IllegalArgumentException if {@code sub} is missing or not a UUID, or a claim
	 * has a type that HitKey does not document
	 */
	public static HitKeyUser fromUserInfo(Map<String, ?> claims, HitKeyAuthoritiesMapper authoritiesMapper) {
		Assert.notNull(claims, "'claims' must not be null");
		Set<String> scopes = new LinkedHashSet<>();
		scopes.add("openid");
		addIfShown(scopes, "profile", claims, HitKeyClaims.NAME);
		addIfShown(scopes, "email", claims, HitKeyClaims.EMAIL);
		addIfShown(scopes, "project:read", claims, HitKeyClaims.PROJECT);
		return fromClaims(claims, scopes, authoritiesMapper);
	}

	private static void addIfShown(Set<String> scopes, String scope, Map<String, ?> claims, String claim) {
		if (claims.containsKey(claim)) {
			scopes.add(scope);
		}
	}

	static HitKeyUser fromClaims(Map<String, ?> claims, Collection<String> grantedScopes,
			Collection<? extends GrantedAuthority> authorities) {
		UUID id = HitKeyClaims.requiredUuid(claims, HitKeyClaims.SUB);
		Object idClaim = claims.get(HitKeyClaims.ID);
		if (idClaim != null && !id.equals(HitKeyClaims.asUuid(idClaim))) {
			throw new IllegalArgumentException("HitKey claim 'id' does not match claim 'sub'");
		}
		HitKeyProject project = HitKeyClaims.project(claims);
		Map<String, Object> attributes = HitKeyClaims.unmodifiableCopy(claims);
		Set<String> scopes = Collections.unmodifiableSet(new LinkedHashSet<>(grantedScopes));
		return new HitKeyUser(id, attributes, scopes, authorities, project);
	}

	/**
	 * Return the user's HitKey id, the {@code sub} claim: immutable and never reused.
	 * @return the user id
	 */
	public UUID id() {
		return this.id;
	}

	/**
	 * Return the user's current default email address ({@code email} claim, needs the
	 * {@code email} scope). It can change: don't use it as an identifier.
	 * @return the email address or {@code null}
	 */
	public @Nullable String email() {
		return stringClaim(HitKeyClaims.EMAIL);
	}

	/**
	 * Return the user's full name ({@code name} claim, needs the {@code profile} scope).
	 * @return the name or {@code null}
	 */
	public @Nullable String name() {
		return stringClaim(HitKeyClaims.NAME);
	}

	/**
	 * Return the user's given name ({@code given_name} claim).
	 * @return the given name or {@code null}
	 */
	public @Nullable String givenName() {
		return stringClaim(HitKeyClaims.GIVEN_NAME);
	}

	/**
	 * Return the user's family name ({@code family_name} claim).
	 * @return the family name or {@code null}
	 */
	public @Nullable String familyName() {
		return stringClaim(HitKeyClaims.FAMILY_NAME);
	}

	/**
	 * Return the name the user wants to be shown ({@code display_name} claim).
	 * @return the display name or {@code null}
	 */
	public @Nullable String displayName() {
		return stringClaim(HitKeyClaims.DISPLAY_NAME);
	}

	/**
	 * Return the user's preferred username ({@code preferred_username} claim).
	 * @return the preferred username or {@code null}
	 */
	public @Nullable String preferredUsername() {
		return stringClaim(HitKeyClaims.PREFERRED_USERNAME);
	}

	/**
	 * Return the user's name in their native script ({@code native_script} claim).
	 * @return the name in native script or {@code null}
	 */
	public @Nullable String nativeScript() {
		return stringClaim(HitKeyClaims.NATIVE_SCRIPT);
	}

	/**
	 * Return the order in which the user writes their names ({@code preferred_order}
	 * claim).
	 * @return the name order or {@code null} when HitKey sent none
	 */
	public @Nullable HitKeyNameOrder preferredOrder() {
		return HitKeyNameOrder.fromClaim(stringClaim(HitKeyClaims.PREFERRED_ORDER));
	}

	/**
	 * Return the user's HitKey project, sent when the {@code project:read} scope was
	 * granted to a client that belongs to a project.
	 * @return the project, if any
	 */
	public Optional<HitKeyProject> project() {
		return Optional.ofNullable(this.project);
	}

	/**
	 * Return the scopes granted to the access token the user signed in with.
	 * @return the granted scopes
	 */
	public Set<String> scopes() {
		return this.scopes;
	}

	/**
	 * Return the user's {@code sub}.
	 * @return the user id as a string
	 */
	@Override
	public String getName() {
		return this.id.toString();
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.attributes;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.authorities;
	}

	private @Nullable String stringClaim(String name) {
		return (this.attributes.get(name) instanceof String value) ? value : null;
	}

	@Override
	public boolean equals(Object obj) {
		return (this == obj) || (obj instanceof HitKeyUser other && this.id.equals(other.id));
	}

	@Override
	public int hashCode() {
		return this.id.hashCode();
	}

	@Override
	public String toString() {
		List<String> authorityNames = new ArrayList<>();
		this.authorities.forEach((authority) -> authorityNames.add(authority.getAuthority()));
		return "HitKeyUser[sub=" + this.id + ", authorities=" + authorityNames + "]";
	}

}
