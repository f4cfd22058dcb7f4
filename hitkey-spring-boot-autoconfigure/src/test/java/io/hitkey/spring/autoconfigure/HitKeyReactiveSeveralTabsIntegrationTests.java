package io.hitkey.spring.autoconfigure;

import java.net.URI;
import java.net.http.HttpResponse;

import io.hitkey.spring.autoconfigure.HopByHopBrowser.Visit;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.hitkey.spring.autoconfigure.HopByHopBrowser.HTML;
import static io.hitkey.spring.autoconfigure.HopByHopBrowser.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-ins started in several tabs of one session all succeed on WebFlux with the
 * starter's default chain.
 */
@SpringBootTest(classes = ReactiveSignInTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "hitkey.read-timeout=700ms" })
@Import(HitKeyReactiveSeveralTabsIntegrationTests.HomeController.class)
class HitKeyReactiveSeveralTabsIntegrationTests extends HitKeyStandInTestSupport {

	@Test
	void signInsStartedInTwoTabsOfOneSessionBothSucceed() {
		HitKeyAuthorizeStubs.waits(hitKey);
		HitKeyStubs.stubSuccessfulSignIn(hitKey);
		HopByHopBrowser visitor = new HopByHopBrowser(this.port);
		URI firstTab = visitor.visit("/me").page().uri();
		URI secondTab = visitor.visit("/token").page().uri();
		assertThat(SignInClient.query(firstTab).get("state")).isNotEqualTo(SignInClient.query(secondTab).get("state"));

		Visit first = visitor.follow(visitor.get(callback(firstTab, "code-1"), HTML));
		Visit second = visitor.follow(visitor.get(callback(secondTab, "code-2"), HTML));

		// Spring Security remembers one page to come back to per session: the last one.
		HttpResponse<String> token = first.assertEndsOnApplicationPage(visitor.origin(), 200, 1);
		assertThat(token.uri().getPath()).isEqualTo("/token");
		assertThat(token.body()).isEqualTo("at-1");
		HttpResponse<String> home = second.assertEndsOnApplicationPage(visitor.origin(), 200, 1);
		assertThat(home.body()).isEqualTo("home");
		assertThat(visitor.get("/me", JSON).statusCode()).isEqualTo(200);
		assertThat(HitKeyAuthorizeStubs.visits(hitKey)).isEqualTo(2);
		hitKey.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
	}

	private static String callback(URI authorize, String code) {
		return SignInClient.query(authorize).get("redirect_uri") + "?code=" + code + "&state="
				+ SignInClient.query(authorize).get("state");
	}

	@RestController
	static class HomeController {

		@GetMapping("/")
		String home() {
			return "home";
		}

	}

}
