package io.hitkey.spring;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.ClassUtils;

/**
 * What the JDK writes when it serializes a value, and the hints that a native image of an
 * application would hold.
 */
public final class JdkSerializedClasses {

	private JdkSerializedClasses() {
	}

	/**
	 * Return the classes whose descriptors the JDK writes when it serializes the given
	 * value: every serializable class of the value's graph and their serializable
	 * superclasses, which a native image needs serialization hints for.
	 * @param value the value
	 * @return the names of the classes
	 * @throws IOException if the value cannot be serialized
	 */
	public static Set<String> of(Object value) throws IOException {
		Set<String> names = new LinkedHashSet<>();
		try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream()) {

			@Override
			protected void writeClassDescriptor(ObjectStreamClass descriptor) throws IOException {
				names.add(descriptor.getName());
				super.writeClassDescriptor(descriptor);
			}

		}) {
			out.writeObject(value);
		}
		return names;
	}

	/**
	 * Return the hints of every registrar in {@code META-INF/spring/aot.factories} on the
	 * class path (Spring Security's, Spring Session's, the starter's), as Spring's AOT
	 * processing gathers them for a native image.
	 * @return the hints
	 */
	public static RuntimeHints ofAllRegistrars() {
		RuntimeHints hints = new RuntimeHints();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, ClassUtils.getDefaultClassLoader()));
		return hints;
	}

	/**
	 * Return whether hints register the given type for Java serialization, as a
	 * reflection hint or, as Spring Session's and Spring Security's registrars still do,
	 * through the deprecated serialization hints.
	 * @param typeName the name of the type
	 * @return the predicate
	 */
	@SuppressWarnings("removal")
	public static Predicate<RuntimeHints> javaSerialization(String typeName) {
		TypeReference type = TypeReference.of(typeName);
		return RuntimeHintsPredicates.reflection()
			.onJavaSerialization(type, true)
			.or(RuntimeHintsPredicates.serialization().onType(type));
	}

}
