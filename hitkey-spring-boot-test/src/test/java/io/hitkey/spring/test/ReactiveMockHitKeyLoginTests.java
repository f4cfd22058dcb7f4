package io.hitkey.spring.test;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.hitkey.spring.test.HitKeyWebTestClientConfigurers.mockHitKeyLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * Mock HitKey logins in a WebFlux application give the same principal and authorities
 * as a real sign-in through the fake HitKey.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "hitkey.scopes=openid,profile,email,project:read" })
@AutoConfigureFakeHitKey
class ReactiveMockHitKeyLoginTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	FakeHitKey hitKey;

	@LocalServerPort
	int port;

	WebTestClient client;

	@BeforeEach
	void bindToTheApplication() {
		this.client = WebTestClient.bindToApplicationContext(this.context)
			.apply(springSecurity())
			.configureClient()
			.build();
	}

	@Test
	void mockLoginGivesTheSamePrincipalAndAuthoritiesAsARealSignIn() {
		for (FakeHitKeyUser user : this.hitKey.users()) {
			this.hitKey.autoApprove(user);
			Map<String, Object> realSignIn = new Browser(this.port).getJson("/auth");

			Map<String, Object> mockLogin = auth(mockHitKeyLogin().beans(this.context).user(user));

			assertThat(mockLogin).isEqualTo(realSignIn);
		}
	}

	@Test
	void mockLoginProvidesAnAuthorizedClient() {
		String token = this.client.mutateWith(mockHitKeyLogin().projectRole("admin", "can_deploy"))
			.get()
			.uri("/token")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(token).startsWith("mock-hitkey-access-token-");
	}

	@Test
	void mockLoginTakesRolePermissionsAndScopes() {
		Map<String, Object> auth = auth(mockHitKeyLogin().projectRole("member").scopes("openid", "project:read"));

		assertThat(auth.get("authorities"))
			.isEqualTo(List.of("ROLE_MEMBER", "SCOPE_openid", "SCOPE_project:read"));
	}

	private Map<String, Object> auth(HitKeyLoginMutator login) {
		return this.client.mutateWith(login)
			.get()
			.uri("/auth")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

}
