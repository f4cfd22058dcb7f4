package io.hitkey.spring.sample;

import io.hitkey.spring.HitKeyNameOrder;
import io.hitkey.spring.HitKeyUser;

import org.springframework.util.StringUtils;

/**
 * How the sample shows a user's name: given and family name in the user's preferred
 * order, with the name in their native script first when they have one.
 *
 * @author HitKey
 */
final class DisplayName {

	private DisplayName() {
	}

	static String of(HitKeyUser user) {
		String ordered = ordered(user);
		String nativeScript = user.nativeScript();
		if (StringUtils.hasText(nativeScript) && !nativeScript.equals(ordered)) {
			return nativeScript + " (" + ordered + ")";
		}
		return ordered;
	}

	private static String ordered(HitKeyUser user) {
		String given = user.givenName();
		String family = user.familyName();
		if (StringUtils.hasText(given) && StringUtils.hasText(family)) {
			return (user.preferredOrder() == HitKeyNameOrder.EASTERN) ? family + " " + given : given + " " + family;
		}
		for (String name : new String[] { user.displayName(), user.name(), user.preferredUsername(), user.email() }) {
			if (StringUtils.hasText(name)) {
				return name;
			}
		}
		return user.getName();
	}

}
