package io.hitkey.spring.smoke;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.hitkey.spring.test.FakeHitKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Quick start, followed as a user follows it: the starter installed with
 * step 0's command from a copy of this project, a new application from start.spring.io with
 * the snippets of steps 1 to 4 (read from README.md), built with Maven, run with step 3's
 * {@code ./mvnw spring-boot:test-run} and signed in to against the fake HitKey; and the
 * same application built with Spring Boot's AOT processing.
 *
 * @author HitKey
 */
class QuickStartSmokeTests {

	private static final Pattern FAKE_HITKEY_READY = Pattern
		.compile("Signing in against a fake HitKey at \\S+ \\(for development only\\): open (\\S+) and pick");

	@Test
	void quickStartApplicationSignsInAgainstTheFakeHitKeyWithTestRun() throws Exception {
		Applications applications = Applications.built();
		SmokeBuild build = applications.build();
		Path application = applications.quickStart();
		List<String> arguments = new ArrayList<>(QuickStart.fromReadme(build.readme()).testRunArguments());
		arguments.addAll(List.of("-f", application.resolve("pom.xml").toString(),
				"-Dspring-boot.run.arguments=--server.port=0"));
		ChildProcess running = ChildProcess.start("quick-start-test-run", application,
				build.log("quick-start-test-run"), build.mavenCommand(arguments));
		try (running) {
			Matcher ready = running.awaitOutput(FAKE_HITKEY_READY, SignIns.STARTUP_TIMEOUT);
			SignIns.assertSignsInAtMe(URI.create(ready.group(1)));
		}
		assertThat(running.output()).contains("Graceful shutdown complete");
	}

	@Test
	void quickStartApplicationBuiltWithAotProcessingSignsInOnTheJvm() throws Exception {
		Applications applications = Applications.built();
		try (FakeHitKey hitKey = FakeHitKey.builder().build().start();
				ChildProcess running = SignIns.startAotJar(applications.build(), "quick-start-aot",
						applications.quickStartJar(), hitKey)) {
			URI origin = SignIns.awaitStartedWithAot(running, applications.build());
			SignIns.assertSignsInAtMe(origin);
		}
	}

}
