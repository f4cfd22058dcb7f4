package io.hitkey.spring.test;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static io.hitkey.spring.test.HitKeyMockMvcRequestPostProcessors.hitKeyLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * An application that asks HitKey for {@code openid} only: mock logins grant what a real
 * sign-in grants, no more.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hitkey.scopes=openid")
@AutoConfigureFakeHitKey
@AutoConfigureMockMvc
class MockHitKeyLoginScopesTests {

	@Autowired
	FakeHitKey hitKey;

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@Test
	void mockLoginOfAProjectAdminWithoutProjectReadMatchesARealSignIn() throws Exception {
		FakeHitKeyUser ada = this.hitKey.users().get(0);
		Map<String, Object> realSignIn = new Browser(this.port).getJson("/auth");

		String json = this.mvc.perform(get("/auth").with(hitKeyLogin().user(ada).scopes("openid")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		@SuppressWarnings("unchecked")
		Map<String, Object> mockLogin = JsonMapper.shared().readValue(json, Map.class);

		assertThat(realSignIn.get("authorities")).isEqualTo(List.of("FACTOR_AUTHORIZATION_CODE", "SCOPE_openid"));
		assertThat(realSignIn.get("attributes")).isEqualTo(Map.of("sub", ada.sub().toString(), "id", ada.sub().toString()));
		assertThat(mockLogin).isEqualTo(realSignIn);
	}

}
