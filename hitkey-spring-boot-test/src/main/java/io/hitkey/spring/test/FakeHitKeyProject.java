package io.hitkey.spring.test;

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

}
