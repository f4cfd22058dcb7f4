package io.hitkey.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponseType;

/**
 * The hints a native image needs to keep a pending sign-in ({@link HitKeyPendingSignIns})
 * in a session store. With JDK serialization (Spring Session's default), Spring Security's
 * {@link OAuth2AuthorizationRequest} and what its fields hold, which Spring Session
 * registers none of, but the unmodifiable sets, {@code String} and {@code Long}. With
 * JSON, Spring Security's Jackson modules write the request; the starter's start time is
 * a {@code Long} among its attributes, written with its class name, which Jackson loads
 * again.
 *
 * @author HitKey
 */
class HitKeyPendingSignInRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		ReflectionHints reflection = hints.reflection();
		// The request; its parameters and attributes: unmodifiable copies of linked maps; its
		// scopes: an unmodifiable copy of a linked set.
		for (String typeName : new String[] { OAuth2AuthorizationRequest.class.getName(),
				AuthorizationGrantType.class.getName(), OAuth2AuthorizationResponseType.class.getName(),
				"java.util.Collections$UnmodifiableMap", "java.util.LinkedHashMap", "java.util.HashMap",
				"java.util.LinkedHashSet", "java.util.HashSet" }) {
			reflection.registerType(TypeReference.of(typeName), (type) -> type.withJavaSerialization(true));
		}
		// The start time, in JSON: Jackson loads its class by the name it wrote.
		reflection.registerType(Long.class);
	}

}
