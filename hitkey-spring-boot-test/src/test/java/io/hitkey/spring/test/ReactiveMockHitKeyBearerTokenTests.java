package io.hitkey.spring.test;

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
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;

import static io.hitkey.spring.test.HitKeyWebTestClientConfigurers.mockHitKeyBearerToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * Mock Bearer tokens in a WebFlux application give the same principal and authorities as
 * a real HitKey access token checked by the starter.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "hitkey.scopes=openid,profile,email,project:read" })
@AutoConfigureFakeHitKey
class ReactiveMockHitKeyBearerTokenTests {

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
	void mockBearerTokenGivesTheSamePrincipalAndAuthoritiesAsARealAccessToken() {
		WebTestClient overHttp = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		for (FakeHitKeyUser user : this.hitKey.users()) {
			String token = this.hitKey.accessToken(user);
			Map<String, Object> realToken = auth(overHttp.mutate()
				.defaultHeader("Authorization", "Bearer " + token)
				.build(), null);

			Map<String, Object> mockToken = auth(this.client, mockHitKeyBearerToken().beans(this.context).user(user));

			assertThat(mockToken).isEqualTo(realToken);
			assertThat(mockToken.get("authorities").toString()).contains("FACTOR_BEARER");
		}
	}

	private static Map<String, Object> auth(WebTestClient client, WebTestClientConfigurer bearer) {
		return ((bearer != null) ? client.mutateWith(bearer) : client).get()
			.uri("/auth")
			.header("Accept", "application/json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

}
