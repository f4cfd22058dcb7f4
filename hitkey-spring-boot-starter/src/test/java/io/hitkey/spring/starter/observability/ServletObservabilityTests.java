package io.hitkey.spring.starter.observability;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Sign-ins and refreshes, as Actuator's meters and a tracer see them, in a servlet
 * application.
 */
@SpringBootTest(classes = ObservabilityTestSupport.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hitkey.read-timeout=1s", "hitkey.connect-timeout=1s" })
class ServletObservabilityTests extends ObservabilityTestSupport {

}
