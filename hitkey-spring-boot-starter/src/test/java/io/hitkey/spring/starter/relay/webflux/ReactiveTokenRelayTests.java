package io.hitkey.spring.starter.relay.webflux;

import java.util.List;

import io.hitkey.spring.starter.relay.TokenRelayTestSupport;
import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Calling another service as the signed-in user from a WebFlux application
 * ({@code WebClient} groups).
 */
@SpringBootTest(classes = ReactiveTokenRelayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
@Tag("webflux")
class ReactiveTokenRelayTests extends TokenRelayTestSupport {

	@Override
	protected List<String> signInAgainPaths() {
		// Spring Security's WebFlux support sends the browser straight to HitKey.
		return List.of("/my-orders", "/", "/login/oauth2/code/hitkey", "/my-orders");
	}

}
