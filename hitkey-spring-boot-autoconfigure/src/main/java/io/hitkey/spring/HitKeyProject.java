package io.hitkey.spring;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The HitKey project that the signed-in user belongs to, from the {@code project} claim.
 * HitKey sends it only when the {@code project:read} scope was granted and the client
 * belongs to a HitKey project.
 *
 * @param id the project id ({@code project_id})
 * @param name the project name ({@code project_name})
 * @param slug the project slug ({@code project_slug})
 * @param role the user's role in the project: {@code owner}, {@code admin} or
 * {@code member}
 * @param permissions the project-defined permission keys granted to the user, such as
 * {@code can_deploy}
 * @serial exclude
 * @author HitKey
 * @since 0.1.0
 */
public record HitKeyProject(UUID id, @Nullable String name, @Nullable String slug, @Nullable String role,
		List<String> permissions) implements Serializable {

	/**
	 * Create a project as HitKey describes it. The permissions are copied: the project
	 * does not change when the given list does.
	 * @param id the project id ({@code project_id})
	 * @param name the project name ({@code project_name})
	 * @param slug the project slug ({@code project_slug})
	 * @param role the user's role in the project
	 * @param permissions the permission keys granted to the user
	 */
	public HitKeyProject {
		permissions = List.copyOf(permissions);
	}

	/**
	 * Return whether the user has the given role in the project, ignoring case.
	 * @param role the role, such as {@code admin}
	 * @return whether the user has that role
	 */
	public boolean hasRole(String role) {
		return role.equalsIgnoreCase(this.role);
	}

	/**
	 * Return whether the user was granted the given project permission.
	 * @param permission the permission key, such as {@code can_deploy}
	 * @return whether the user has that permission
	 */
	public boolean hasPermission(String permission) {
		return this.permissions.contains(permission);
	}

}
