package io.hitkey.spring;

import org.jspecify.annotations.Nullable;

/**
 * The order in which a HitKey user writes their given and family name, from the
 * {@code preferred_order} claim.
 *
 * @author HitKey
 * @since 0.1.0
 */
public enum HitKeyNameOrder {

	/**
	 * Given name first, then family name.
	 */
	WESTERN,

	/**
	 * Family name first, then given name.
	 */
	EASTERN;

	static @Nullable HitKeyNameOrder fromClaim(@Nullable String value) {
		if ("western".equalsIgnoreCase(value)) {
			return WESTERN;
		}
		if ("eastern".equalsIgnoreCase(value)) {
			return EASTERN;
		}
		return null;
	}

}
