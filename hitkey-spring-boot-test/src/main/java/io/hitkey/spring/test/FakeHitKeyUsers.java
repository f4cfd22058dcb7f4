package io.hitkey.spring.test;

import java.util.List;

/**
 * The users a {@link FakeHitKey} offers unless told otherwise.
 *
 * @author HitKey
 */
final class FakeHitKeyUsers {

	private FakeHitKeyUsers() {
	}

	static List<FakeHitKeyUser> defaults() {
		return List.of(FakeHitKeyUser.of("Ada Lovelace", "ada@example.com").withProjectRole("admin", "can_deploy"),
				FakeHitKeyUser.of("Grace Hopper", "grace@example.com").withProjectRole("member"),
				FakeHitKeyUser.of("Taro Yamada", "taro@example.com")
					.withNames("Taro", "Yamada", "山田太郎", "eastern")
					.withProjectRole("owner", "can_deploy", "can_manage_members"));
	}

}
