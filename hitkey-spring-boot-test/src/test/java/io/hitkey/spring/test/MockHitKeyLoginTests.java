package io.hitkey.spring.test;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.hitkey.spring.test.HitKeyMockMvcRequestPostProcessors.hitKeyLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Mock HitKey logins build the same principal and authorities as a real sign-in.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hitkey.scopes=openid,profile,email,project:read")
@AutoConfigureFakeHitKey
@AutoConfigureMockMvc
class MockHitKeyLoginTests {

	@Autowired
	FakeHitKey hitKey;

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@Test
	void postProcessorGivesTheSamePrincipalAndAuthoritiesAsARealSignIn() throws Exception {
		for (FakeHitKeyUser user : this.hitKey.users()) {
			this.hitKey.autoApprove(user);
			Map<String, Object> realSignIn = new Browser(this.port).getJson("/auth");

			Map<String, Object> mockLogin = auth(hitKeyLogin().user(user));

			assertThat(mockLogin).isEqualTo(realSignIn);
		}
	}

	@Test
	void postProcessorDefaultsToATestUser() throws Exception {
		Map<String, Object> auth = auth(hitKeyLogin());

		assertThat(auth).containsEntry("name", "00000000-0000-4000-8000-000000000001");
		assertThat(auth.get("authorities").toString()).as("the scopes of hitkey.scopes")
			.isEqualTo("[FACTOR_AUTHORIZATION_CODE, SCOPE_email, SCOPE_openid, SCOPE_profile, SCOPE_project:read]");
		assertThat(auth.get("attributes").toString()).contains("name=Test User", "email=user@example.com");
	}

	@Test
	void postProcessorTakesRolePermissionsAndScopes() throws Exception {
		Map<String, Object> auth = auth(hitKeyLogin().name("Linus")
			.email("linus@example.com")
			.projectRole("admin", "can_deploy", "can_merge")
			.scopes("openid", "project:read"));

		assertThat(auth.get("authorities").toString()).isEqualTo(
				"[FACTOR_AUTHORIZATION_CODE, PERMISSION_can_deploy, PERMISSION_can_merge, ROLE_ADMIN, SCOPE_openid, SCOPE_project:read]");
		assertThat(auth.get("attributes").toString()).as("claims filtered by the granted scopes")
			.doesNotContain("Linus")
			.doesNotContain("linus@example.com")
			.contains("role=admin");
	}

	@Test
	void postProcessorProvidesAnAuthorizedClient() throws Exception {
		String token = this.mvc.perform(get("/token").with(hitKeyLogin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(token).startsWith("mock-hitkey-access-token-");
	}

	@Test
	@WithMockHitKeyUser(sub = "3e3417d7-ef77-3593-aa67-34b916515ed5", name = "Ada Lovelace",
			email = "ada@example.com", projectRole = "admin", permissions = "can_deploy")
	void annotationGivesTheSameAuthenticationAsARealSignIn() throws Exception {
		FakeHitKeyUser ada = this.hitKey.users().get(0);
		assertThat(ada.sub()).hasToString("3e3417d7-ef77-3593-aa67-34b916515ed5");
		Map<String, Object> annotated = auth(null);

		this.hitKey.autoApprove(ada);
		assertThat(annotated).isEqualTo(new Browser(this.port).getJson("/auth"));
	}

	@Test
	@WithMockHitKeyUser(name = "Annotated", projectRole = "owner", permissions = "can_deploy")
	void annotationGivesTheSameAuthenticationAsThePostProcessor() throws Exception {
		Map<String, Object> annotated = auth(null);

		assertThat(annotated).isEqualTo(auth(hitKeyLogin().name("Annotated").projectRole("owner", "can_deploy")));
		assertThat(annotated.get("authorities").toString()).contains("ROLE_OWNER", "PERMISSION_can_deploy");
	}

	private Map<String, Object> auth(RequestPostProcessor login) throws Exception {
		var request = get("/auth");
		if (login != null) {
			request.with(login);
		}
		String json = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		@SuppressWarnings("unchecked")
		Map<String, Object> auth = JsonMapper.shared().readValue(json, Map.class);
		return auth;
	}

}
