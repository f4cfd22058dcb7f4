package io.hitkey.spring.starter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java snippet of the README is code that a test compiles and runs: each appears,
 * line for line (indentation aside), in the test sources of one of the modules. A
 * snippet edited in the README without its test, or a test that drifts from its
 * snippet, fails here.
 */
class ReadmeSnippetsTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	@Test
	void everyJavaSnippetOfTheReadmeIsInATest() throws IOException {
		List<List<String>> snippets = javaSnippets(Files.readAllLines(ROOT.resolve("README.md")));
		Map<Path, List<String>> tests = testSources();
		assertThat(snippets).isNotEmpty();
		List<String> missing = new ArrayList<>();
		for (List<String> snippet : snippets) {
			if (tests.values().stream().noneMatch((source) -> containsInOrder(source, snippet))) {
				missing.add(String.join("\n", snippet));
			}
		}
		assertThat(missing).as("README snippets that no test contains verbatim").isEmpty();
	}

	private static List<List<String>> javaSnippets(List<String> readme) {
		List<List<String>> snippets = new ArrayList<>();
		List<String> current = null;
		for (String line : readme) {
			String trimmed = line.strip();
			if (current == null && trimmed.equals("```java")) {
				current = new ArrayList<>();
			}
			else if (current != null && trimmed.equals("```")) {
				snippets.add(current);
				current = null;
			}
			else if (current != null && !trimmed.isEmpty()) {
				current.add(trimmed);
			}
		}
		return snippets;
	}

	private static Map<Path, List<String>> testSources() throws IOException {
		try (Stream<Path> files = Files.walk(ROOT, 12)) {
			return files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> file.toString().contains("/src/test/java/"))
				.filter((file) -> !file.endsWith("ReadmeSnippetsTests.java"))
				.collect(Collectors.toMap((file) -> file, ReadmeSnippetsTests::significantLines));
		}
	}

	private static List<String> significantLines(Path file) {
		try {
			return Files.readAllLines(file).stream().map(String::strip).filter((line) -> !line.isEmpty()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean containsInOrder(List<String> source, List<String> snippet) {
		return java.util.Collections.indexOfSubList(source, snippet) >= 0;
	}

}
