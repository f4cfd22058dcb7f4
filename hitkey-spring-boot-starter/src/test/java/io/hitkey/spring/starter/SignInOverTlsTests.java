package io.hitkey.spring.starter;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.hitkey.spring.HitKeyUser;
import io.hitkey.spring.test.FakeHitKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.restclient.autoconfigure.RestTemplateBuilderConfigurer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HitKey's calls take the application's HTTP client settings, its SSL bundle included,
 * even when the application's {@link RestTemplateBuilder} adds what HitKey's calls must
 * not carry: an application that trusts a HitKey with its own certificate through
 * {@code spring.http.clients.ssl.bundle} signs users in over HTTPS.
 */
@SpringBootTest(classes = SignInOverTlsTests.TlsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.ssl.bundle.jks.fake-hitkey.truststore.location=classpath:io/hitkey/spring/test/fake-hitkey-tls.p12",
				"spring.ssl.bundle.jks.fake-hitkey.truststore.password=fake-hitkey",
				"spring.ssl.bundle.jks.fake-hitkey.truststore.type=PKCS12",
				"spring.http.clients.ssl.bundle=fake-hitkey" })
class SignInOverTlsTests {

	private static final FakeHitKey hitKey = FakeHitKey.builder().tls().build().start();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void hitKeyProperties(DynamicPropertyRegistry registry) {
		registry.add("hitkey.client-id", hitKey::clientId);
		registry.add("hitkey.client-secret", hitKey::clientSecret);
		registry.add("hitkey.auth-url", hitKey::authUrl);
		registry.add("hitkey.api-url", hitKey::apiUrl);
	}

	@BeforeAll
	static void approveTheFirstUser() {
		hitKey.autoApprove(hitKey.users().get(0));
	}

	@AfterAll
	static void stopHitKey() {
		hitKey.close();
	}

	@Test
	void signsAUserInAgainstAHitKeyTrustedThroughTheApplicationsSslBundle() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.sslContext(FakeHitKey.trustingSslContext())
			.followRedirects(HttpClient.Redirect.ALWAYS)
			.build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/hello"))
			.header("Accept", "text/html,*/*;q=0.8")
			.build();

		HttpResponse<String> hello = browser.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(hitKey.apiUrl()).startsWith("https://");
		assertThat(hello.statusCode()).isEqualTo(200);
		assertThat(hello.body()).isEqualTo("Hello " + hitKey.users().get(0).sub());
		assertThat(hitKey.tokenCalls("authorization_code")).isEqualTo(1);
		assertThat(hitKey.calls(FakeHitKey.Endpoint.USERINFO)).isEqualTo(1);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TlsApplication {

		@Bean
		RestTemplateBuilder restTemplateBuilder(RestTemplateBuilderConfigurer configurer) {
			return configurer.configure(new RestTemplateBuilder())
				.defaultHeader("X-App-Default", "yes")
				.basicAuthentication("app-user", "app-password");
		}

		@RestController
		static class HelloController {

			@GetMapping("/hello")
			String hello(@AuthenticationPrincipal HitKeyUser user) {
				return "Hello " + user.id();
			}

		}

	}

}
