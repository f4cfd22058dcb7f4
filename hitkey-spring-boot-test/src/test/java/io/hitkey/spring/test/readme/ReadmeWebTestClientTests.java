package io.hitkey.spring.test.readme;

import io.hitkey.spring.test.AutoConfigureFakeHitKey;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.hitkey.spring.test.HitKeyWebTestClientConfigurers.mockHitKeyLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * The README's {@code WebTestClient} snippet, verbatim, against a WebFlux application
 * whose admin page needs the project role {@code admin}.
 */
@SpringBootTest(classes = ReadmeWebTestClientTests.ReactiveApplication.class,
		properties = "spring.main.web-application-type=reactive")
@AutoConfigureFakeHitKey
class ReadmeWebTestClientTests {

	@Autowired
	ApplicationContext context;

	@Test
	void projectAdminsSeeTheAdminPage() {
		WebTestClient client = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
		client.mutateWith(mockHitKeyLogin().beans(context).projectRole("admin")).get().uri("/admin").exchange()
		        .expectStatus().isOk();
		client.mutateWith(mockHitKeyLogin().beans(context).projectRole("member")).get().uri("/admin").exchange()
			.expectStatus()
			.isForbidden();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ReactiveApplication {

		@Bean
		SecurityWebFilterChain security(ServerHttpSecurity http) {
			http.authorizeExchange((exchanges) -> exchanges.pathMatchers("/admin/**")
				.hasRole("ADMIN")
				.anyExchange()
				.authenticated());
			http.oauth2Login(Customizer.withDefaults());
			return http.build();
		}

		@RestController
		static class AdminPage {

			@GetMapping("/admin")
			String admin() {
				return "admin";
			}

		}

	}

}
