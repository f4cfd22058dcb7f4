package io.hitkey.spring.starter.bearer;

import io.hitkey.spring.starter.failures.Visitor.Journey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with the resource server and no HitKey client: an API that only
 * accepts HitKey access tokens.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class ApiOnlyBearerTokenTests extends BearerTokenTests {

	ApiOnlyBearerTokenTests(WebApplicationType stack) {
		super(stack, false);
	}

	@Test
	void startsAsAnApiAndSaysSoInOneLine(CapturedOutput output) {
		// Captured since the application started, before all tests of the class.
		assertThat(output).containsOnlyOnce("HitKey sign-in is off (hitkey.client-id is not set): this application "
				+ "is an API that accepts HitKey access tokens as Bearer tokens, checked at " + this.hitKey.apiUrl()
				+ "/oauth/userinfo");
		assertThat(this.application.context().getBeanNamesForType(ClientRegistrationRepository.class)).isEmpty();
	}

	@Test
	void aBrowserGets401AndNoWayToSignIn() {
		for (String path : new String[] { "/api/me", "/oauth2/authorization/hitkey", "/login" }) {
			Journey journey = api().browse(path);
			assertThat(journey.redirects()).as(path).isZero();
			assertThat(journey.page().statusCode()).as(path).isEqualTo(401);
		}
	}

}
