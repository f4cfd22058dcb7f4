package io.hitkey.spring.starter.relay;

import java.util.List;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Calling another service as the signed-in user from a servlet application
 * ({@code RestClient} groups).
 */
@SpringBootTest(classes = TokenRelayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class TokenRelayTests extends TokenRelayTestSupport {

	@Override
	protected List<String> signInAgainPaths() {
		return List.of("/my-orders", "/oauth2/authorization/hitkey", "/", "/login/oauth2/code/hitkey", "/my-orders");
	}

}
