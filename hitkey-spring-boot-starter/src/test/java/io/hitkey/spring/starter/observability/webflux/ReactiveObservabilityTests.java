package io.hitkey.spring.starter.observability.webflux;

import io.hitkey.spring.starter.observability.ObservabilityTestSupport;
import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Sign-ins and refreshes, as Actuator's meters and a tracer see them, in a WebFlux
 * application.
 */
@SpringBootTest(classes = ObservabilityTestSupport.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "hitkey.read-timeout=1s",
				"hitkey.connect-timeout=1s" })
@Tag("webflux")
class ReactiveObservabilityTests extends ObservabilityTestSupport {

}
