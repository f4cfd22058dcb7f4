package io.hitkey.spring.test.readme;

import io.hitkey.spring.test.AutoConfigureFakeHitKey;
import io.hitkey.spring.test.WithMockHitKeyUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static io.hitkey.spring.test.HitKeyMockMvcRequestPostProcessors.hitKeyBearerToken;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The README's mock Bearer token tests, verbatim.
 */
@SpringBootTest(classes = ReadmeApplication.class)
@AutoConfigureMockMvc
@AutoConfigureFakeHitKey
class ReadmeBearerTokenTests {

	@Autowired
	MockMvc mvc;

	@Test
	void deployersCallTheApiWithTheirToken() throws Exception {
	    mvc.perform(get("/deploy").with(hitKeyBearerToken().projectRole("admin", "can_deploy")))
	            .andExpect(status().isOk());
	}

	@Test
	@WithMockHitKeyUser(projectRole = "member", bearerToken = true)
	void membersCannotDeployWithTheirToken() throws Exception {
	    mvc.perform(get("/deploy")).andExpect(status().isForbidden());
	}

}
