package io.hitkey.spring.test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classes this module publishes are Java 17 bytecode whatever JDK compiles them
 * ({@code maven.compiler.release}), so that the jar runs on every Java that Spring Boot 4
 * supports.
 */
class JavaBytecodeVersionTests {

	private static final int JAVA_17 = 61;

	@Test
	void everyPublishedClassIsJava17Bytecode() throws Exception {
		List<Path> classes = publishedClasses();

		assertThat(classes).isNotEmpty();
		assertThat(classes).allSatisfy((path) -> assertThat(majorVersion(path)).as(path.toString()).isEqualTo(JAVA_17));
	}

	private static List<Path> publishedClasses() throws IOException, URISyntaxException {
		Path root = Path.of(FakeHitKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter((path) -> path.toString().endsWith(".class")).toList();
		}
	}

	private static int majorVersion(Path path) throws IOException {
		try (InputStream in = Files.newInputStream(path); DataInputStream data = new DataInputStream(in)) {
			assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
			data.readUnsignedShort();
			return data.readUnsignedShort();
		}
	}

}
