package io.hitkey.spring.smoke;

import java.net.URI;

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
		Applications applications = Applications.built();
		try (FakeHitKey hitKey = FakeHitKey.builder().build().start();
				ChildProcess running = SignIns.startAotJar(applications.build(), "webflux-aot", applications.webFluxJar(),
						hitKey)) {
			URI origin = SignIns.awaitStartedWithAot(running, applications.build());
			SignIns.assertSignsInAtMe(origin);
		}
	}

}
