package io.hitkey.spring;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * The hints a native image needs to keep a signed-in {@link HitKeyUser} in a session
 * store. With JDK serialization (Spring Session's default), the user, its
 * {@link HitKeyProject} and the JDK types that their fields hold: Spring Session registers
 * Spring Security's types, the unmodifiable lists and sets, {@code String} and
 * {@code Long}, but not these. With JSON ({@link HitKeyJacksonModule}), what Jackson
 * reaches by reflection through {@link HitKeyUserMixin}: the user's type by its name,
 * the three fields it writes, the factory method it reads with, and the converters the
 * mix-in names.
 *
 * @author HitKey
 */
class HitKeyUserRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		registerJdkSerializationHints(hints.reflection());
		registerJsonHints(hints.reflection());
	}

	private void registerJdkSerializationHints(ReflectionHints hints) {
		registerForJavaSerialization(hints, HitKeyUser.class.getName(), HitKeyProject.class.getName(),
				UUID.class.getName());
		// The claims: unmodifiable copies of linked maps (HitKeyClaims), and the scopes and
		// authorities: unmodifiable copies of linked sets.
		registerForJavaSerialization(hints, "java.util.Collections$UnmodifiableMap", "java.util.LinkedHashMap",
				"java.util.HashMap", "java.util.LinkedHashSet", "java.util.HashSet");
		// A claim HitKey's documentation shows in a sample answer: email_verified.
		registerForJavaSerialization(hints, Boolean.class.getName());
		// The project's permissions, List.copyOf: written as a CollSer in its stead.
		registerForJavaSerialization(hints, "java.util.ImmutableCollections$List12",
				"java.util.ImmutableCollections$ListN", "java.util.CollSer");
	}

	private static void registerForJavaSerialization(ReflectionHints hints, String... typeNames) {
		for (String typeName : typeNames) {
			hints.registerType(TypeReference.of(typeName), (type) -> type.withJavaSerialization(true));
		}
	}

	private void registerJsonHints(ReflectionHints hints) {
		// The mix-in's @JsonTypeInfo writes the class name, which Jackson loads again;
		// the fields are read directly (field visibility ANY, no getters).
		hints.registerType(HitKeyUser.class,
				(type) -> type.withField("attributes")
					.withField("scopes")
					.withField("authorities")
					.withMethod("fromClaims", TypeReference.listOf(Map.class, Collection.class, Collection.class),
							ExecutableMode.INVOKE));
		// Jackson reads the mix-in's annotations only; it creates its converters.
		hints.registerType(HitKeyUserMixin.class);
		hints.registerType(HitKeyUserMixin.ScopesToJson.class, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
		hints.registerType(HitKeyUserMixin.ScopesFromJson.class, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
		hints.registerType(HitKeyUserMixin.AuthoritiesToJson.class, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
		hints.registerType(HitKeyUserMixin.AuthoritiesFromJson.class, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
	}

}
