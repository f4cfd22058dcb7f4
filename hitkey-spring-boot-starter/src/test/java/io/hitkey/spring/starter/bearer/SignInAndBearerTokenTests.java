package io.hitkey.spring.starter.bearer;

import java.net.http.HttpResponse;

import io.hitkey.spring.starter.failures.Visitor.Journey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's default chain with a HitKey client and the resource server: Bearer
 * requests are authenticated by their token, browsers still sign in at HitKey.
 */
abstract class SignInAndBearerTokenTests extends BearerTokenTests {

	SignInAndBearerTokenTests(WebApplicationType stack, Class<?>... configurations) {
		super(stack, true, configurations);
	}

	@Test
	void aBrowserStillSignsInAtHitKeyWithTheAuthoritiesOfTheBearerToken() {
		this.hitKey.autoApprove(this.ada);
		Journey journey = api().browse("/api/me");
		assertThat(journey.urls()).element(1).asString().endsWith("/oauth2/authorization/hitkey");
		assertThat(journey.redirects()).isEqualTo(4);
		assertThat(journey.page().statusCode()).isEqualTo(200);
		JsonNode browser = JsonMapper.shared().readTree(journey.page().body());
		assertThat(browser.get("name").asString()).isEqualTo(this.ada.sub().toString());
		assertThat(browser.get("type").asString()).isEqualTo("OAuth2AuthenticationToken");
		HttpResponse<String> bearer = api().get("/api/me", bearer(this.hitKey.accessToken(this.ada)));
		assertThat(JsonMapper.shared().readTree(bearer.body()).get("authorities"))
			.isEqualTo(browser.get("authorities"));
	}

}
