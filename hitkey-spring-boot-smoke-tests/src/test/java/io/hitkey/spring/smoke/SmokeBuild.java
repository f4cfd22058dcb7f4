package io.hitkey.spring.smoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This project built the way its users build it: a copy of its sources installed into a
 * temporary local repository, and separate Maven builds of applications against that
 * repository. The build's own local repository is the temporary one's tail, so nothing is
 * downloaded twice and nothing is written to it; the running build's own target
 * directories are never touched.
 * <p>
 * The tests are skipped, with a message, when something they need is missing here (the
 * settings of the Maven build that runs them, or in an offline build an artifact that only
 * an online build would fetch), unless {@code -Dsmoke.required=true}, as in CI.
 *
 * @author HitKey
 */
final class SmokeBuild {

	private static final Set<String> NOT_COPIED = Set.of("target", ".git", ".idea", "node_modules");

	private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(8);

	private static @Nullable SmokeBuild installed;

	private static @Nullable AssertionError failure;

	private final Path project;

	private final Path work;

	private final Path copy;

	private final Path repository;

	private final Path tail;

	private final String springBootVersion;

	private final String projectVersion;

	private final boolean offline;

	private SmokeBuild(Path project, Path work, Path tail, String springBootVersion, String projectVersion,
			boolean offline) {
		this.project = project;
		this.work = work;
		this.copy = work.resolve("project");
		this.repository = work.resolve("repository");
		this.tail = tail;
		this.springBootVersion = springBootVersion;
		this.projectVersion = projectVersion;
		this.offline = offline;
	}

	/**
	 * Return this project installed into the temporary repository, installing it the
	 * first time with the README's command of Quick start step 0, or skip the calling test
	 * when a prerequisite is missing and the smoke tests are not required.
	 */
	static synchronized SmokeBuild installed(String... cachedArtifacts) throws IOException {
		SmokeBuild build = settings();
		build.assumeCached(cachedArtifacts);
		if (failure != null) {
			throw failure;
		}
		if (installed == null) {
			try {
				build.install(QuickStart.fromReadme(build.readme()).installArguments());
			}
			catch (AssertionError ex) {
				failure = ex;
				throw ex;
			}
			installed = build;
		}
		return installed;
	}

	private static SmokeBuild settings() {
		String project = System.getProperty("smoke.project-directory");
		String work = System.getProperty("smoke.work-directory");
		String tail = System.getProperty("smoke.local-repository");
		String version = System.getProperty("smoke.spring-boot-version");
		String projectVersion = System.getProperty("smoke.project-version");
		assume(project != null && work != null && tail != null && version != null && projectVersion != null,
				"the smoke tests run in the Maven build of this project (./mvnw verify), which tells them where "
						+ "the project and its local repository are");
		return new SmokeBuild(Path.of(project).toAbsolutePath().normalize(), Path.of(work).toAbsolutePath(),
				Path.of(tail), version, projectVersion, Boolean.getBoolean("smoke.offline"));
	}

	/**
	 * Skip the calling test, or fail it with {@code -Dsmoke.required=true}, unless the
	 * condition holds.
	 */
	static void assume(boolean condition, String prerequisite) {
		if (Boolean.getBoolean("smoke.required")) {
			assertThat(condition).as("Smoke tests are required (-Dsmoke.required=true) but " + prerequisite).isTrue();
		}
		Assumptions.assumeTrue(condition,
				() -> prerequisite + "; the smoke test is skipped (-Dsmoke.required=true makes this a failure, as in CI)");
	}

	/**
	 * In an offline build, skip unless each {@code groupId:artifactId} is cached, in the
	 * Spring Boot version under test.
	 */
	private void assumeCached(String... artifacts) {
		if (!this.offline) {
			return;
		}
		List<String> all = new ArrayList<>(Arrays.asList(artifacts));
		all.add("org.springframework.boot:spring-boot-starter-parent");
		for (String artifact : all) {
			String[] coordinates = artifact.split(":");
			Path directory = this.tail.resolve(coordinates[0].replace('.', '/'))
				.resolve(coordinates[1])
				.resolve(this.springBootVersion);
			assume(Files.isDirectory(directory), "this offline build's local repository has no " + artifact + ":"
					+ this.springBootVersion + " (an online build fetches it)");
		}
	}

	private void install(List<String> arguments) throws IOException {
		FileSystemUtils.deleteRecursively(this.work);
		Files.createDirectories(this.work);
		copyProject();
		List<String> command = new ArrayList<>(arguments);
		command.add("-Dboot.line=" + bootLine());
		run(this.copy, "install", INSTALL_TIMEOUT, command);
	}

	private void copyProject() throws IOException {
		Files.walkFileTree(this.project, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
					throws IOException {
				if (NOT_COPIED.contains(directory.getFileName().toString())) {
					return FileVisitResult.SKIP_SUBTREE;
				}
				Files.createDirectories(SmokeBuild.this.copy.resolve(SmokeBuild.this.project.relativize(directory)));
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.copy(file, SmokeBuild.this.copy.resolve(SmokeBuild.this.project.relativize(file)),
						StandardCopyOption.COPY_ATTRIBUTES);
				return FileVisitResult.CONTINUE;
			}

		});
	}

	/**
	 * Run the copy's Maven wrapper in the given directory against the temporary
	 * repository, failing with the end of its output when it fails or outlasts the
	 * timeout.
	 */
	void maven(Path directory, String name, Duration timeout, String... arguments) {
		run(directory, name, timeout, List.of(arguments));
	}

	/**
	 * Return the command that runs the copy's Maven wrapper against the temporary
	 * repository, followed by the given arguments.
	 */
	List<String> mavenCommand(List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(this.copy.resolve("mvnw").toString());
		if (this.offline) {
			command.add("--offline");
		}
		command.add("-Dmaven.repo.local=" + this.repository);
		command.add("-Dmaven.repo.local.tail=" + this.tail);
		command.addAll(arguments);
		return command;
	}

	private void run(Path directory, String name, Duration timeout, List<String> arguments) {
		try (ChildProcess maven = ChildProcess.start(name, directory, log(name), mavenCommand(arguments))) {
			maven.awaitExit(timeout);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the file that the output of the named process goes to.
	 */
	Path log(String name) {
		return this.work.resolve("logs").resolve(name + ".log");
	}

	/**
	 * Return a new empty directory for an application.
	 */
	Path applicationDirectory(String name) throws IOException {
		Path directory = this.work.resolve("applications").resolve(name);
		FileSystemUtils.deleteRecursively(directory);
		return Files.createDirectories(directory);
	}

	Path copy() {
		return this.copy;
	}

	Path readme() {
		return this.project.resolve("README.md");
	}

	String projectVersion() {
		return this.projectVersion;
	}

	String springBootVersion() {
		return this.springBootVersion;
	}

	/**
	 * Return the Boot line under test, as this project's {@code -Dboot.line} takes it.
	 */
	String bootLine() {
		String[] parts = this.springBootVersion.split("\\.");
		return parts[0] + "." + parts[1];
	}

}
