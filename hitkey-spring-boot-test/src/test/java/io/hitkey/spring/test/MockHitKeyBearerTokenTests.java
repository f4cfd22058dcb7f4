package io.hitkey.spring.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static io.hitkey.spring.test.HitKeyMockMvcRequestPostProcessors.hitKeyBearerToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Mock Bearer tokens build the same principal and authorities as a real HitKey access
 * token checked by the starter.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hitkey.scopes=openid,profile,email,project:read")
@AutoConfigureFakeHitKey
@AutoConfigureMockMvc
class MockHitKeyBearerTokenTests {

	private static final TypeReference<Map<String, Object>> JSON = new TypeReference<>() {
	};

	@Autowired
	FakeHitKey hitKey;

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@Test
	void postProcessorGivesTheSamePrincipalAndAuthoritiesAsARealAccessToken() throws Exception {
		for (FakeHitKeyUser user : this.hitKey.users()) {
			Map<String, Object> realToken = realBearerRequest(this.hitKey.accessToken(user));

			Map<String, Object> mockToken = auth(hitKeyBearerToken().user(user));

			assertThat(mockToken).isEqualTo(realToken);
			assertThat(mockToken.get("authorities").toString()).contains("FACTOR_BEARER");
		}
	}

	@Test
	void postProcessorTakesRolesAndPermissionsWithoutCallingHitKey() throws Exception {
		Map<String, Object> auth = auth(hitKeyBearerToken().name("Linus").projectRole("owner", "can_deploy"));

		assertThat(auth.get("authorities").toString()).isEqualTo("[FACTOR_BEARER, PERMISSION_can_deploy, ROLE_OWNER, "
				+ "SCOPE_email, SCOPE_openid, SCOPE_profile, SCOPE_project:read]");
		assertThat(this.hitKey.calls(FakeHitKey.Endpoint.USERINFO)).isZero();
	}

	@Test
	@WithMockHitKeyUser(name = "Annotated", projectRole = "member", bearerToken = true)
	void annotationGivesABearerToken() throws Exception {
		Map<String, Object> auth = JsonMapper.shared()
			.readValue(this.mvc.perform(get("/auth")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(), JSON);

		assertThat(auth.get("authorities").toString()).startsWith("[FACTOR_BEARER, ROLE_MEMBER");
	}

	private Map<String, Object> auth(HitKeyBearerTokenRequestPostProcessor bearer) throws Exception {
		String body = this.mvc.perform(get("/auth").with(bearer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonMapper.shared().readValue(body, JSON);
	}

	private Map<String, Object> realBearerRequest(String token) throws Exception {
		String body = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/auth"))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "application/json")
				.build(), BodyHandlers.ofString())
			.body();
		return JsonMapper.shared().readValue(body, JSON);
	}

}
