package io.hitkey.spring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Names of HitKey's userinfo claims and their strict reading.
 *
 * @author HitKey
 */
final class HitKeyClaims {

	static final String SUB = "sub";

	static final String ID = "id";

	static final String EMAIL = "email";

	static final String NAME = "name";

	static final String GIVEN_NAME = "given_name";

	static final String FAMILY_NAME = "family_name";

	static final String DISPLAY_NAME = "display_name";

	static final String PREFERRED_USERNAME = "preferred_username";

	static final String NATIVE_SCRIPT = "native_script";

	static final String PREFERRED_ORDER = "preferred_order";

	static final String PROJECT = "project";

	private HitKeyClaims() {
	}

	/**
	 * Copy claims into unmodifiable maps and lists of the JDK types that Spring
	 * Security's JSON support accepts, whatever the maps and lists handed in.
	 */
	static Map<String, Object> unmodifiableCopy(Map<String, ?> claims) {
		Map<String, Object> copy = new LinkedHashMap<>();
		claims.forEach((name, value) -> copy.put(name, copyOf(value)));
		return Collections.unmodifiableMap(copy);
	}

	private static @Nullable Object copyOf(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((name, nested) -> copy.put(String.valueOf(name), copyOf(nested)));
			return Collections.unmodifiableMap(copy);
		}
		if (value instanceof Collection<?> collection) {
			List<Object> copy = new ArrayList<>(collection.size());
			collection.forEach((nested) -> copy.add(copyOf(nested)));
			return Collections.unmodifiableList(copy);
		}
		return value;
	}

	static UUID requiredUuid(Map<String, ?> claims, String name) {
		Object value = claims.get(name);
		if (value == null) {
			throw new IllegalArgumentException("HitKey claim '" + name + "' is missing");
		}
		UUID uuid = asUuid(value);
		if (uuid == null) {
			throw new IllegalArgumentException("HitKey claim '" + name + "' is not a UUID");
		}
		return uuid;
	}

	static @Nullable UUID asUuid(Object value) {
		if (!(value instanceof String text) || text.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static @Nullable HitKeyProject project(Map<String, ?> claims) {
		Object value = claims.get(PROJECT);
		if (value == null) {
			return null;
		}
		if (!(value instanceof Map<?, ?> project)) {
			throw new IllegalArgumentException("HitKey claim 'project' is not an object");
		}
		@SuppressWarnings("unchecked")
		Map<String, ?> fields = (Map<String, ?>) project;
		UUID id = requiredUuid(fields, "project_id");
		return new HitKeyProject(id, optionalString(fields, "project_name"), optionalString(fields, "project_slug"),
				optionalString(fields, "role"), permissions(fields.get("permissions")));
	}

	private static @Nullable String optionalString(Map<String, ?> fields, String name) {
		Object value = fields.get(name);
		if (value != null && !(value instanceof String)) {
			throw new IllegalArgumentException("HitKey claim 'project." + name + "' is not a string");
		}
		return (String) value;
	}

	private static List<String> permissions(@Nullable Object value) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw new IllegalArgumentException("HitKey claim 'project.permissions' is not an array");
		}
		List<String> permissions = new ArrayList<>(list.size());
		for (Object permission : list) {
			if (!(permission instanceof String text)) {
				throw new IllegalArgumentException("HitKey claim 'project.permissions' holds a value that is not a string");
			}
			permissions.add(text);
		}
		return permissions;
	}

}
