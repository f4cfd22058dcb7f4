package io.hitkey.spring.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The HitKey project that a {@link FakeHitKey}'s client belongs to.
 *
 * @param id the project id
 * @param name the project name
 * @param slug the project slug
 * @author HitKey
 * @since 0.1.0
 */
public record FakeHitKeyProject(UUID id, String name, String slug) {

	static final FakeHitKeyProject DEMO = new FakeHitKeyProject(
			UUID.fromString("5e1f0c1a-7b2d-4c3e-9f40-1a2b3c4d5e6f"), "Demo project", "demo");

	/**
	 * Return HitKey's {@code project} claim for a member of this project.
	 */
	Map<String, Object> claim(String role, List<String> permissions) {
		Map<String, Object> claim = new LinkedHashMap<>();
		claim.put("project_id", this.id.toString());
		claim.put("project_name", this.name);
		claim.put("project_slug", this.slug);
		claim.put("role", role);
		claim.put("permissions", permissions);
		return claim;
	}

}
