package io.hitkey.spring.smoke;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import io.hitkey.spring.test.FakeHitKey;
import org.junit.jupiter.api.Test;

/**
 * A WebFlux application with only the starter (the Quick start's controller and
 * dependencies, with {@code spring-boot-starter-webflux} for Spring MVC), built with Spring
 * Boot's AOT processing and signed in to on the JVM with its AOT initializers.
 *
 * @author HitKey
 */
class WebFluxAotSmokeTests {

	@Test
	void webFluxApplicationBuiltWithAotProcessingSignsInOnTheJvm() throws Exception {
		SmokeBuild build = SmokeBuild.installed("org.springframework.boot:spring-boot-starter-webflux");
		Path application = Applications.webFlux(build);
		// -Pnative: spring-boot-starter-parent's profile that adds process-aot to the build.
		build.maven(application, "webflux-package", Duration.ofMinutes(5), "-Pnative", "package");
		try (FakeHitKey hitKey = FakeHitKey.builder().build().start();
				ChildProcess running = SignIns.startAotJar(build, "webflux-aot", application.resolve(Applications.JAR),
						hitKey)) {
			URI origin = SignIns.awaitStarted(running);
			SignIns.assertSignsInAtMe(origin);
		}
	}

}
