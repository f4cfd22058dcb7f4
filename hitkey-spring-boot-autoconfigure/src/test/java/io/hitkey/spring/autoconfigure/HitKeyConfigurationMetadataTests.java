package io.hitkey.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata that IDEs show for the starter's properties, as the build
 * generates it into {@code META-INF/spring-configuration-metadata.json}: every
 * {@code hitkey.*} and {@code management.health.hitkey.*} property has a description
 * and, where its properties class gives it a default, that default; and the README's
 * property table lists exactly these properties, with the same defaults.
 */
class HitKeyConfigurationMetadataTests {

	private static final List<String> PREFIXES = List.of("hitkey", "management.health.hitkey");

	private static final Path README = Path.of("..", "README.md");

	@Test
	void everyPropertyHasADescriptionAndTheDefaultOfItsPropertiesClass() throws IOException {
		Metadata metadata = Metadata.read();
		assertThat(metadata.roots()).containsKeys("hitkey", "management.health.hitkey");
		assertThat(metadata.properties()).containsKeys("hitkey.client-id", "management.health.hitkey.enabled");
		List<String> problems = new ArrayList<>();
		metadata.properties().forEach((name, property) -> {
			if (property.path("description").asString("").isBlank()) {
				problems.add(name + " has no description");
			}
			Object actual = metadata.actualDefault(name);
			JsonNode declared = property.get("defaultValue");
			if (actual == null && declared != null) {
				problems.add(name + " declares the default " + declared + " but has none");
			}
			else if (actual != null && declared == null) {
				problems.add(name + " has the default " + actual + " but declares none");
			}
			else if (actual != null && !actual.equals(metadata.bind(name, text(declared, ",")))) {
				problems.add(name + " has the default " + actual + " but declares " + declared);
			}
		});
		assertThat(problems).as("properties whose metadata is incomplete or wrong").isEmpty();
	}

	@Test
	void theReadmeListsEveryPropertyWithItsDefault() throws IOException {
		Metadata metadata = Metadata.read();
		Map<String, String> readme = readmePropertyDefaults();
		assertThat(readme.keySet()).as("properties in the README's Properties table")
			.containsExactlyInAnyOrderElementsOf(metadata.properties().keySet());
		List<String> problems = new ArrayList<>();
		metadata.properties().forEach((name, property) -> {
			JsonNode declared = property.get("defaultValue");
			if (declared != null && !readme.get(name).equals("`" + text(declared, ", ") + "`")) {
				problems.add(name + " defaults to " + declared + ", the README says " + readme.get(name));
			}
		});
		assertThat(problems).as("README defaults that differ from the metadata's").isEmpty();
	}

	/**
	 * The rows of the README's Properties table for the starter's properties, property to
	 * default, as written.
	 */
	private static Map<String, String> readmePropertyDefaults() throws IOException {
		List<String> lines = Files.readAllLines(README);
		int start = lines.indexOf("### Properties");
		assertThat(start).as("the README's Properties section").isNotNegative();
		Map<String, String> defaults = new TreeMap<>();
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("#")) {
				break;
			}
			String[] cells = line.split("\\|");
			if (line.startsWith("| `") && isStarters(cells[1].strip().replace("`", ""))) {
				defaults.put(cells[1].strip().replace("`", ""), cells[2].strip());
			}
		}
		return defaults;
	}

	private static boolean isStarters(String name) {
		return PREFIXES.stream().anyMatch((prefix) -> name.equals(prefix) || name.startsWith(prefix + "."));
	}

	/**
	 * A default as written in the metadata, with a list's elements joined by the given
	 * separator.
	 */
	private static String text(JsonNode value, String separator) {
		if (value.isArray()) {
			return StreamSupport.stream(value.spliterator(), false)
				.map(JsonNode::asString)
				.collect(Collectors.joining(separator));
		}
		return value.asString();
	}

	/**
	 * The starter's properties in every metadata file on the class path, and the
	 * properties classes they come from.
	 */
	private record Metadata(Map<String, JsonNode> properties, Map<String, Class<?>> roots) {

		static Metadata read() throws IOException {
			JsonMapper mapper = JsonMapper.builder().build();
			Map<String, JsonNode> properties = new TreeMap<>();
			Map<String, Class<?>> roots = new TreeMap<>();
			ClassLoader classLoader = HitKeyConfigurationMetadataTests.class.getClassLoader();
			for (URL url : Collections.list(classLoader.getResources("META-INF/spring-configuration-metadata.json"))) {
				try (InputStream in = url.openStream()) {
					JsonNode json = mapper.readTree(in);
					for (JsonNode group : json.path("groups")) {
						String name = group.path("name").asString();
						if (isStarters(name) && !group.has("sourceMethod")) {
							roots.put(name, ClassUtils.resolveClassName(group.path("type").asString(), classLoader));
						}
					}
					for (JsonNode property : json.path("properties")) {
						String name = property.path("name").asString();
						if (isStarters(name)) {
							properties.put(name, property);
						}
					}
				}
			}
			return new Metadata(properties, roots);
		}

		/**
		 * The value that a new instance of the property's properties class holds, or
		 * {@code null}.
		 */
		Object actualDefault(String name) {
			return wrapper(name).getPropertyValue(beanPath(name));
		}

		/**
		 * A default as written in the metadata, bound to the property's type as Spring
		 * Boot binds it from application.properties.
		 */
		Object bind(String name, String value) {
			BeanWrapper wrapper = wrapper(name);
			Bindable<?> target = Bindable.of(wrapper.getPropertyTypeDescriptor(beanPath(name)).getResolvableType());
			return new Binder(new MapConfigurationPropertySource(Map.of(name, value))).bind(name, target).get();
		}

		private BeanWrapper wrapper(String name) {
			return new BeanWrapperImpl(BeanUtils.instantiateClass(this.roots.get(root(name))));
		}

		private String beanPath(String name) {
			String[] segments = name.substring(root(name).length() + 1).split("\\.");
			List<String> path = new ArrayList<>();
			for (String segment : segments) {
				StringBuilder camel = new StringBuilder();
				for (String word : segment.split("-")) {
					camel.append(camel.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
				}
				path.add(camel.toString());
			}
			return String.join(".", path);
		}

		private String root(String name) {
			return this.roots.keySet()
				.stream()
				.filter((root) -> name.startsWith(root + "."))
				.max(Comparator.comparingInt(String::length))
				.orElseThrow();
		}

	}

}
