package io.hitkey.spring.test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A user that {@link FakeHitKey} can sign in. Immutable: each {@code with...} method
 * returns a copy.
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class FakeHitKeyUser {

	private final UUID sub;

	private final String name;

	private final @Nullable String email;

	private final @Nullable String givenName;

	private final @Nullable String familyName;

	private final @Nullable String displayName;

	private final @Nullable String preferredUsername;

	private final @Nullable String nativeScript;

	private final @Nullable String preferredOrder;

	private final @Nullable String projectRole;

	private final List<String> permissions;

	private FakeHitKeyUser(UUID sub, String name, @Nullable String email, @Nullable String givenName,
			@Nullable String familyName, @Nullable String displayName, @Nullable String preferredUsername,
			@Nullable String nativeScript, @Nullable String preferredOrder, @Nullable String projectRole,
			List<String> permissions) {
		this.sub = sub;
		this.name = name;
		this.email = email;
		this.givenName = givenName;
		this.familyName = familyName;
		this.displayName = displayName;
		this.preferredUsername = preferredUsername;
		this.nativeScript = nativeScript;
		this.preferredOrder = preferredOrder;
		this.projectRole = projectRole;
		this.permissions = List.copyOf(permissions);
	}

	/**
	 * Create a user with the given full name and email. The {@code sub} is derived from
	 * the email, so the same user gets the same id in every run; given and family name
	 * are split from the full name, western order.
	 * @param name the full name, such as {@code Ada Lovelace}
	 * @param email the email address
	 * @return the user, without a project role
	 */
	public static FakeHitKeyUser of(String name, String email) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.hasText(email, "'email' must not be empty");
		String[] names = name.trim().split("\\s+", 2);
		String familyName = (names.length > 1) ? names[1] : null;
		UUID sub = UUID.nameUUIDFromBytes(email.getBytes(StandardCharsets.UTF_8));
		return new FakeHitKeyUser(sub, name, email, names[0], familyName, names[0],
				email.substring(0, Math.max(email.indexOf('@'), 1)), null, "western", null, List.of());
	}

	/**
	 * Return a copy with the given {@code sub}.
	 * @param sub the user id
	 * @return the copy
	 */
	public FakeHitKeyUser withSub(UUID sub) {
		return new FakeHitKeyUser(sub, this.name, this.email, this.givenName, this.familyName, this.displayName,
				this.preferredUsername, this.nativeScript, this.preferredOrder, this.projectRole, this.permissions);
	}

	FakeHitKeyUser withNameAndEmail(String name, @Nullable String email) {
		FakeHitKeyUser named = of(name, (email != null) ? email : "user@example.com");
		return new FakeHitKeyUser(this.sub, name, email, named.givenName, named.familyName, named.displayName,
				(email != null) ? named.preferredUsername : this.preferredUsername, this.nativeScript,
				this.preferredOrder, this.projectRole, this.permissions);
	}

	/**
	 * Return a copy with the given role in the fake's project, and permissions.
	 * @param role the project role: {@code owner}, {@code admin} or {@code member}
	 * @param permissions the project permissions, such as {@code can_deploy}
	 * @return the copy
	 */
	public FakeHitKeyUser withProjectRole(String role, String... permissions) {
		return new FakeHitKeyUser(this.sub, this.name, this.email, this.givenName, this.familyName, this.displayName,
				this.preferredUsername, this.nativeScript, this.preferredOrder, role, List.of(permissions));
	}

	/**
	 * Return a copy with the given names, for users who write their names in another
	 * script or order.
	 * @param givenName the given name
	 * @param familyName the family name
	 * @param nativeScript the full name in the user's native script, or {@code null}
	 * @param preferredOrder {@code western}, {@code eastern} or {@code null}
	 * @return the copy
	 */
	public FakeHitKeyUser withNames(@Nullable String givenName, @Nullable String familyName,
			@Nullable String nativeScript, @Nullable String preferredOrder) {
		return new FakeHitKeyUser(this.sub, this.name, this.email, givenName, familyName, this.displayName,
				this.preferredUsername, nativeScript, preferredOrder, this.projectRole, this.permissions);
	}

	/**
	 * Return the user's id, the {@code sub} claim.
	 * @return the user id
	 */
	public UUID sub() {
		return this.sub;
	}

	/**
	 * Return the user's full name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the user's email address.
	 * @return the email address
	 */
	public @Nullable String email() {
		return this.email;
	}

	/**
	 * Return the user's role in the fake's project.
	 * @return the role, or {@code null} when the user is not in the project
	 */
	public @Nullable String projectRole() {
		return this.projectRole;
	}

	/**
	 * Return the user's project permissions.
	 * @return the permissions
	 */
	public List<String> permissions() {
		return this.permissions;
	}

	/**
	 * Return the userinfo claims HitKey sends for this user with the given scopes.
	 * @param scopes the granted scopes
	 * @param project the fake's project, if its client belongs to one
	 * @return the claims
	 */
	Map<String, Object> claims(Set<String> scopes, @Nullable FakeHitKeyProject project) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", this.sub.toString());
		claims.put("id", this.sub.toString());
		if (scopes.contains("profile")) {
			claims.put("name", this.name);
			claims.put("given_name", this.givenName);
			claims.put("family_name", this.familyName);
			claims.put("display_name", this.displayName);
			claims.put("preferred_username", this.preferredUsername);
			claims.put("native_script", this.nativeScript);
			claims.put("preferred_order", this.preferredOrder);
		}
		if (scopes.contains("email")) {
			claims.put("email", this.email);
		}
		if (scopes.contains("project:read") && project != null && this.projectRole != null) {
			claims.put("project", project.claim(this.projectRole, this.permissions));
		}
		return claims;
	}

	@Override
	public String toString() {
		return "FakeHitKeyUser[sub=" + this.sub + ", name=" + this.name + ", role=" + this.projectRole + "]";
	}

}
