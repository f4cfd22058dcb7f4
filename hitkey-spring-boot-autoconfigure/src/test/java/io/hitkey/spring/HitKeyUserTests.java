package io.hitkey.spring;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link HitKeyUser} and the standard {@link HitKeyAuthoritiesMapper}.
 */
class HitKeyUserTests {

	static final String SUB = "6f9619ff-8b86-4d01-b42d-00c04fc964ff";

	static Map<String, Object> fullClaims() {
		Map<String, Object> project = new LinkedHashMap<>();
		project.put("project_id", "0b6e1a52-3c8e-4e55-9a4e-6f4f8c1d2e3f");
		project.put("project_name", "Engine");
		project.put("project_slug", "engine");
		project.put("role", "owner");
		project.put("permissions", List.of("can_deploy"));
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", SUB);
		claims.put("id", SUB);
		claims.put("name", "Taro Yamada");
		claims.put("given_name", "Taro");
		claims.put("family_name", "Yamada");
		claims.put("display_name", "Taro");
		claims.put("preferred_username", "taro");
		claims.put("native_script", "山田太郎");
		claims.put("preferred_order", "eastern");
		claims.put("email", "taro@example.com");
		claims.put("project", project);
		return claims;
	}

	static HitKeyUser user(Map<String, Object> claims, String... scopes) {
		return HitKeyUser.fromClaims(claims, List.of(scopes), HitKeyAuthoritiesMapper.standard());
	}

	@Test
	void readsEveryDocumentedClaim() {
		HitKeyUser user = user(fullClaims(), "openid", "profile", "email", "project:read");

		assertThat(user.getName()).isEqualTo(SUB);
		assertThat(user.id()).isEqualTo(UUID.fromString(SUB));
		assertThat(user.name()).isEqualTo("Taro Yamada");
		assertThat(user.givenName()).isEqualTo("Taro");
		assertThat(user.familyName()).isEqualTo("Yamada");
		assertThat(user.displayName()).isEqualTo("Taro");
		assertThat(user.preferredUsername()).isEqualTo("taro");
		assertThat(user.nativeScript()).isEqualTo("山田太郎");
		assertThat(user.preferredOrder()).isEqualTo(HitKeyNameOrder.EASTERN);
		assertThat(user.email()).isEqualTo("taro@example.com");
		assertThat(user.scopes()).containsExactly("openid", "profile", "email", "project:read");
		assertThat(user.project()).hasValueSatisfying((project) -> {
			assertThat(project.id()).isEqualTo(UUID.fromString("0b6e1a52-3c8e-4e55-9a4e-6f4f8c1d2e3f"));
			assertThat(project.name()).isEqualTo("Engine");
			assertThat(project.slug()).isEqualTo("engine");
			assertThat(project.role()).isEqualTo("owner");
			assertThat(project.hasRole("OWNER")).isTrue();
			assertThat(project.hasPermission("can_deploy")).isTrue();
			assertThat(project.hasPermission("can_delete")).isFalse();
		});
		assertThat(user.getAttributes()).containsEntry("email", "taro@example.com");
	}

	@Test
	void standardAuthoritiesAreScopesRoleAndPermissions() {
		HitKeyUser user = user(fullClaims(), "openid", "project:read");

		assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("SCOPE_openid", "SCOPE_project:read", "ROLE_OWNER", "PERMISSION_can_deploy");
	}

	@Test
	void absentAndNullClaimsReadAsNull() {
		Map<String, Object> claims = new HashMap<>();
		claims.put("sub", SUB);
		claims.put("given_name", null);
		claims.put("preferred_order", null);
		claims.put("project", null);
		HitKeyUser user = user(claims, "openid");

		assertThat(user.email()).isNull();
		assertThat(user.name()).isNull();
		assertThat(user.givenName()).isNull();
		assertThat(user.familyName()).isNull();
		assertThat(user.displayName()).isNull();
		assertThat(user.preferredUsername()).isNull();
		assertThat(user.nativeScript()).isNull();
		assertThat(user.preferredOrder()).isNull();
		assertThat(user.project()).isEmpty();
		assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("SCOPE_openid");
	}

	@Test
	void projectWithoutRoleOrPermissionsGivesNoRoleAuthority() {
		Map<String, Object> claims = fullClaims();
		claims.put("project", Map.of("project_id", "0b6e1a52-3c8e-4e55-9a4e-6f4f8c1d2e3f"));
		HitKeyUser user = user(claims);

		assertThat(user.project()).hasValueSatisfying((project) -> {
			assertThat(project.role()).isNull();
			assertThat(project.permissions()).isEmpty();
		});
		assertThat(user.getAuthorities()).isEmpty();
	}

	@Test
	void equalityIsBySubOnly() {
		Map<String, Object> changedEmail = fullClaims();
		changedEmail.put("email", "new@example.com");
		Map<String, Object> otherUser = fullClaims();
		otherUser.put("sub", "00000000-0000-4000-8000-000000000001");
		otherUser.remove("id");

		assertThat(user(fullClaims(), "openid")).isEqualTo(user(changedEmail))
			.hasSameHashCodeAs(user(changedEmail))
			.isNotEqualTo(user(otherUser, "openid"));
	}

	@Test
	void toStringShowsNoPersonalData() {
		assertThat(user(fullClaims(), "openid")).hasToString("HitKeyUser[sub=" + SUB + ", authorities=[SCOPE_openid, ROLE_OWNER, PERMISSION_can_deploy]]");
	}

	@Test
	void customMapperReplacesTheAuthorities() {
		HitKeyAuthoritiesMapper mapper = (user) -> Set.of(() -> "ROLE_" + user.preferredUsername());
		HitKeyUser user = HitKeyUser.fromClaims(fullClaims(), List.of("openid"), mapper);

		assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_taro");
	}

	@Test
	void rejectsMissingSub() {
		Map<String, Object> claims = fullClaims();
		claims.remove("sub");
		assertThatIllegalArgumentException().isThrownBy(() -> user(claims))
			.withMessage("HitKey claim 'sub' is missing");
	}

	@Test
	void rejectsSubThatIsNotAUuid() {
		for (Object sub : List.of("42", "", "6f9619ff8b864d01b42d00c04fc964ff", 42, "1-1-1-1-1")) {
			Map<String, Object> claims = fullClaims();
			claims.put("sub", sub);
			claims.remove("id");
			assertThatIllegalArgumentException().isThrownBy(() -> user(claims))
				.withMessage("HitKey claim 'sub' is not a UUID");
		}
	}

	@Test
	void rejectsIdThatDiffersFromSub() {
		Map<String, Object> claims = fullClaims();
		claims.put("id", "00000000-0000-4000-8000-000000000001");
		assertThatIllegalArgumentException().isThrownBy(() -> user(claims))
			.withMessage("HitKey claim 'id' does not match claim 'sub'");
	}

	@Test
	void rejectsProjectOfTheWrongShape() {
		Map<Object, String> cases = new LinkedHashMap<>();
		cases.put("admin", "HitKey claim 'project' is not an object");
		cases.put(Map.of("project_name", "x"), "HitKey claim 'project_id' is missing");
		cases.put(Map.of("project_id", "0b6e1a52-3c8e-4e55-9a4e-6f4f8c1d2e3f", "role", 7),
				"HitKey claim 'project.role' is not a string");
		cases.put(Map.of("project_id", "0b6e1a52-3c8e-4e55-9a4e-6f4f8c1d2e3f", "permissions", "can_deploy"),
				"HitKey claim 'project.permissions' is not an array");
		cases.put(Map.of("project_id", "0b6e1a52-3c8e-4e55-9a4e-6f4f8c1d2e3f", "permissions", List.of(1)),
				"HitKey claim 'project.permissions' holds a value that is not a string");
		cases.forEach((project, message) -> {
			Map<String, Object> claims = fullClaims();
			claims.put("project", project);
			assertThatIllegalArgumentException().isThrownBy(() -> user(claims)).withMessage(message);
		});
	}

	@Test
	void claimsAreACopyThatCannotBeChanged() {
		Map<String, Object> claims = fullClaims();
		HitKeyUser user = user(claims);
		claims.put("email", "changed@example.com");

		assertThat(user.email()).isEqualTo("taro@example.com");
		assertThat(user.getAttributes()).isUnmodifiable();
		assertThat(user.scopes()).isUnmodifiable();
	}

}
