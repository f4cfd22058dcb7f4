package io.hitkey.spring.starter;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.hitkey.spring.HitKeyUser;
import io.hitkey.spring.test.AutoConfigureFakeHitKey;
import io.hitkey.spring.test.FakeHitKey;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with nothing but the starter and Spring MVC signs a user in, over real
 * HTTP, against the fake HitKey.
 */
@SpringBootTest(classes = StarterSignInTests.StarterOnlyApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureFakeHitKey
class StarterSignInTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeHitKey hitKey;

	@Test
	void signsAUserIn() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.ALWAYS)
			.build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/hello"))
			.header("Accept", "text/html,*/*;q=0.8")
			.build();

		HttpResponse<String> hello = browser.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(hello.statusCode()).isEqualTo(200);
		assertThat(hello.body()).isEqualTo("Hello Ada Lovelace, " + this.hitKey.users().get(0).sub());
		assertThat(this.hitKey.tokenCalls("authorization_code")).isEqualTo(1);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class StarterOnlyApplication {

		@RestController
		static class HelloController {

			@GetMapping("/hello")
			String hello(@AuthenticationPrincipal HitKeyUser user) {
				return "Hello " + user.name() + ", " + user.id();
			}

		}

	}

}
