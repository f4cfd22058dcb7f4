package io.hitkey.spring.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @SpringBootTest} signs a HitKey user in over real HTTP with one annotation.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hitkey.scopes=openid,profile,email,project:read")
@AutoConfigureFakeHitKey
class AutoConfigureFakeHitKeyTests {

	@Autowired
	FakeHitKey hitKey;

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void newBrowserAgainstAResetFake() {
		this.browser = new Browser(this.port);
		assertThat(this.hitKey.calls(FakeHitKey.Endpoint.TOKEN)).isZero();
	}

	@Test
	void pointsTheStarterAtTheFake(@Autowired Environment environment) {
		assertThat(environment.getProperty("hitkey.auth-url")).isEqualTo(this.hitKey.authUrl());
		assertThat(environment.getProperty("hitkey.api-url")).isEqualTo(this.hitKey.apiUrl());
		assertThat(environment.getProperty("hitkey.client-id")).isEqualTo(this.hitKey.clientId());
		assertThat(environment.getProperty("hitkey.client-secret")).isEqualTo(this.hitKey.clientSecret());
	}

	@Test
	void signsTheFirstTestUserInThroughTheStarter() {
		FakeHitKeyUser ada = this.hitKey.users().get(0);

		Map<String, Object> auth = this.browser.getJson("/auth");

		assertThat(auth).containsEntry("name", ada.sub().toString())
			.containsEntry("principalType", "io.hitkey.spring.HitKeyUser");
		assertThat(auth.get("authorities").toString()).contains("ROLE_ADMIN", "PERMISSION_can_deploy",
				"SCOPE_project:read");
		assertThat(this.hitKey.tokenCalls("authorization_code")).isEqualTo(1);
		assertThat(this.hitKey.calls(FakeHitKey.Endpoint.USERINFO)).isEqualTo(1);
	}

	@Test
	void signsInTheUserTheTestChooses() {
		FakeHitKeyUser grace = this.hitKey.users().get(1);
		this.hitKey.autoApprove(grace);

		Map<String, Object> auth = this.browser.getJson("/auth");

		assertThat(auth).containsEntry("name", grace.sub().toString());
		assertThat(auth.get("authorities").toString()).contains("ROLE_MEMBER").doesNotContain("ROLE_ADMIN");
	}

	@Test
	void refreshesAnExpiredAccessTokenAgainstTheFake() {
		this.hitKey.accessTokenLifetime(Duration.ofSeconds(30));
		this.browser.get("/auth");
		this.hitKey.accessTokenLifetime(Duration.ofHours(1));

		String first = this.browser.get("/token").body();
		String second = this.browser.get("/token").body();

		assertThat(first).startsWith("hkat_").isEqualTo(second);
		assertThat(this.hitKey.tokenCalls("refresh_token")).isEqualTo(1);
	}

	@Test
	void codeRefusedByHitKeyEndsOnTheLoginErrorPage() {
		this.hitKey.failNext(FakeHitKey.Endpoint.TOKEN, 1,
				FakeHitKeyFault.error(400, "Invalid or expired authorization code"));

		HttpResponse<String> page = this.browser.get("/auth");

		assertThat(page.uri().getPath()).isEqualTo("/login");
		assertThat(page.uri().getQuery()).isEqualTo("error");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(this.hitKey.calls(FakeHitKey.Endpoint.USERINFO)).isZero();
	}

}
