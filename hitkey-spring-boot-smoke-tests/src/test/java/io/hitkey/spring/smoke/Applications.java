package io.hitkey.spring.smoke;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The applications of the smoke tests, built once for all of them in one Maven build with
 * Spring Boot's AOT processing: two throwaway applications as start.spring.io generates
 * them ({@code spring-boot-starter-parent} of the Boot version under test, Java 17,
 * {@code spring-boot-maven-plugin}, {@code spring-boot-starter-test}, a
 * {@code @SpringBootApplication class MyApplication} in {@code com.example.demo}) with
 * everything else taken from the README, and the sample of the project's copy.
 *
 * @param build the installed project
 * @param quickStart the directory of the README's Quick start application
 * @param webFlux the directory of a WebFlux application with the starter
 * @param sampleJar the sample's jar
 * @author HitKey
 */
record Applications(SmokeBuild build, Path quickStart, Path webFlux, Path sampleJar) {

	static final String PACKAGE = "com.example.demo";

	private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(8);

	private static @Nullable Applications built;

	private static @Nullable AssertionError failure;

	private static final String AGGREGATOR = """
			<?xml version="1.0" encoding="UTF-8"?>
			<project xmlns="http://maven.apache.org/POM/4.0.0">
				<modelVersion>4.0.0</modelVersion>
				<groupId>com.example</groupId>
				<artifactId>smoke-applications</artifactId>
				<version>0.0.1-SNAPSHOT</version>
				<packaging>pom</packaging>
				<modules>
					<module>%s</module>
					<module>%s</module>
					<module>%s</module>
				</modules>
			</project>
			""";

	private static final String APPLICATION = """
			package com.example.demo;

			import org.springframework.boot.SpringApplication;
			import org.springframework.boot.autoconfigure.SpringBootApplication;

			@SpringBootApplication
			public class MyApplication {

				public static void main(String[] args) {
					SpringApplication.run(MyApplication.class, args);
				}

			}
			""";

	/**
	 * Return the applications, generating and building them the first time: one Maven
	 * build of the three, with spring-boot-starter-parent's {@code native} profile (which
	 * adds {@code process-aot}) and the sample's {@code aot} profile.
	 */
	static synchronized Applications built() throws IOException {
		SmokeBuild build = SmokeBuild.installed("org.springframework.boot:spring-boot-starter-webflux");
		if (failure != null) {
			throw failure;
		}
		if (built == null) {
			Path quickStart = quickStart(build);
			Path webFlux = webFlux(build);
			Path sample = build.copy().resolve("sample-app");
			Path directory = quickStart.getParent();
			write(directory.resolve("pom.xml"), AGGREGATOR.formatted(quickStart.getFileName(), webFlux.getFileName(),
					directory.relativize(sample)));
			try {
				build.maven(directory, "applications-package", BUILD_TIMEOUT, "-Pnative,aot", "-DskipTests",
						"-Dboot.line=" + build.bootLine(), "package");
			}
			catch (AssertionError ex) {
				failure = ex;
				throw ex;
			}
			built = new Applications(build, quickStart, webFlux,
					sample.resolve("target/sample-app-" + build.projectVersion() + ".jar"));
		}
		return built;
	}

	/**
	 * Return the Quick start application's jar.
	 */
	Path quickStartJar() {
		return this.quickStart.resolve("target/demo-0.0.1-SNAPSHOT.jar");
	}

	/**
	 * Return the WebFlux application's jar.
	 */
	Path webFluxJar() {
		return this.webFlux.resolve("target/demo-webflux-0.0.1-SNAPSHOT.jar");
	}

	/**
	 * Write the README's Quick start as a user follows it: step 1's dependencies, step 2's
	 * controller, step 3's test-scoped main, step 4's {@code application.yml}.
	 */
	private static Path quickStart(SmokeBuild build) throws IOException {
		QuickStart quickStart = QuickStart.fromReadme(build.readme());
		List<String> dependencies = quickStart.code("xml");
		assertThat(dependencies).as("the Quick start's XML (step 1's dependencies)").hasSize(1);
		List<String> java = quickStart.code("java");
		assertThat(java).as("the Quick start's Java snippets (steps 2 and 3)").hasSize(2);
		List<String> yaml = quickStart.code("yaml");
		assertThat(yaml).as("the Quick start's YAML (step 4)").hasSize(1);
		Path application = build.applicationDirectory("quick-start");
		write(application.resolve("pom.xml"), pom(build, "demo", dependencies.get(0), "", ""));
		writeJava(application.resolve("src/main/java"), APPLICATION);
		for (String snippet : java) {
			boolean testMain = snippet.contains("SpringApplication.from(");
			writeJava(application.resolve(testMain ? "src/test/java" : "src/main/java"),
					"package " + PACKAGE + ";\n\n" + snippet);
		}
		write(application.resolve("src/main/resources/application.yml"), yaml.get(0));
		return application;
	}

	/**
	 * Write a WebFlux application with the starter: the Quick start's dependencies with
	 * {@code spring-boot-starter-webflux} for {@code spring-boot-starter-webmvc}, the Reactor
	 * Netty versions that the README's WebFlux section says to set, the Quick start's
	 * controller and {@code application.yml}.
	 */
	private static Path webFlux(SmokeBuild build) throws IOException {
		QuickStart quickStart = QuickStart.fromReadme(build.readme());
		String dependencies = quickStart.code("xml").get(0);
		assertThat(dependencies).contains("<artifactId>spring-boot-starter-webmvc</artifactId>");
		dependencies = dependencies.replace("<artifactId>spring-boot-starter-webmvc</artifactId>",
				"<artifactId>spring-boot-starter-webflux</artifactId>");
		String reactorNetty = QuickStart.section(build.readme(), "## WebFlux")
			.code("xml")
			.stream()
			.filter((code) -> code.contains("<reactor-netty.version>"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("The README's WebFlux section sets <reactor-netty.version>"));
		String properties = reactorNetty.replace("<properties>", "").replace("</properties>", "").strip();
		String managed = """
				<dependencyManagement>
					<dependencies>
						<dependency>
							<groupId>io.projectreactor.netty</groupId>
							<artifactId>reactor-netty-core</artifactId>
							<version>${reactor-netty.version}</version>
						</dependency>
						<dependency>
							<groupId>io.projectreactor.netty</groupId>
							<artifactId>reactor-netty-http</artifactId>
							<version>${reactor-netty.version}</version>
						</dependency>
					</dependencies>
				</dependencyManagement>
				""";
		Path application = build.applicationDirectory("webflux");
		write(application.resolve("pom.xml"), pom(build, "demo-webflux", dependencies, properties, managed));
		writeJava(application.resolve("src/main/java"), APPLICATION);
		String controller = quickStart.code("java")
			.stream()
			.filter((code) -> code.contains("@AuthenticationPrincipal HitKeyUser"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("The Quick start has a controller of HitKeyUser"));
		writeJava(application.resolve("src/main/java"), "package " + PACKAGE + ";\n\n" + controller);
		write(application.resolve("src/main/resources/application.yml"), quickStart.code("yaml").get(0));
		return application;
	}

	private static String pom(SmokeBuild build, String artifactId, String dependencies, String properties,
			String dependencyManagement) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
						xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
					<modelVersion>4.0.0</modelVersion>
					<parent>
						<groupId>org.springframework.boot</groupId>
						<artifactId>spring-boot-starter-parent</artifactId>
						<version>%s</version>
						<relativePath/>
					</parent>
					<groupId>com.example</groupId>
					<artifactId>%s</artifactId>
					<version>0.0.1-SNAPSHOT</version>
					<name>%s</name>
					<properties>
						<java.version>17</java.version>
						%s
					</properties>
					<dependencies>
						%s
						<dependency>
							<groupId>org.springframework.boot</groupId>
							<artifactId>spring-boot-starter-test</artifactId>
							<scope>test</scope>
						</dependency>
					</dependencies>
					%s
					<build>
						<plugins>
							<plugin>
								<groupId>org.springframework.boot</groupId>
								<artifactId>spring-boot-maven-plugin</artifactId>
							</plugin>
						</plugins>
					</build>
				</project>
				""".formatted(build.springBootVersion(), artifactId, artifactId, properties, dependencies,
						dependencyManagement);
	}

	private static void writeJava(Path sourceRoot, String source) throws IOException {
		String type = QuickStart.javaTypeName(source);
		write(sourceRoot.resolve(PACKAGE.replace('.', '/')).resolve(type + ".java"), source);
	}

	private static void write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

}
