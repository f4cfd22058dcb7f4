package io.hitkey.spring.smoke;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import io.hitkey.spring.test.FakeHitKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The README's Quick start, followed as a user follows it: the starter installed with
 * step 0's command from a copy of this project, a new application from start.spring.io with
 * the snippets of steps 1 to 4 (read from README.md), built with Maven and signed in to.
 *
 * @author HitKey
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuickStartSmokeTests {

	private SmokeBuild build;

	private Path application;

	@BeforeAll
	void buildTheQuickStartApplication() throws Exception {
		this.build = SmokeBuild.installed();
		this.application = Applications.quickStart(this.build);
		// -Pnative: spring-boot-starter-parent's profile that adds process-aot to the build.
		this.build.maven(this.application, "quick-start-package", Duration.ofMinutes(5), "-Pnative",
				"-Dmaven.test.skip=true", "package");
	}

	@Test
	void quickStartApplicationBuiltWithAotProcessingSignsInOnTheJvm() throws Exception {
		try (FakeHitKey hitKey = FakeHitKey.builder().build().start();
				ChildProcess running = SignIns.startAotJar(this.build, "quick-start-aot",
						this.application.resolve(Applications.JAR), hitKey)) {
			URI origin = SignIns.awaitStarted(running);
			SignIns.assertSignsInAtMe(origin);
		}
	}

}
