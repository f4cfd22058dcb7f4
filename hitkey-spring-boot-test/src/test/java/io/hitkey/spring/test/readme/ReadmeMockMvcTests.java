package io.hitkey.spring.test.readme;

import io.hitkey.spring.test.AutoConfigureFakeHitKey;
import io.hitkey.spring.test.FakeHitKeyUser;
import io.hitkey.spring.test.WithMockHitKeyUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static io.hitkey.spring.test.HitKeyMockMvcRequestPostProcessors.hitKeyLogin;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The README's MockMvc snippets, verbatim, against the README's application.
 */
@SpringBootTest(classes = ReadmeApplication.class)
@AutoConfigureMockMvc
@AutoConfigureFakeHitKey
class ReadmeMockMvcTests {

	@Autowired
	MockMvc mvc;

	@Test
	void adminsCanDeploy() throws Exception {
	    mvc.perform(get("/deploy").with(hitKeyLogin().projectRole("admin", "can_deploy")))
	            .andExpect(status().isOk());
	    mvc.perform(get("/me").with(hitKeyLogin().user(FakeHitKeyUser.of("Ada Lovelace", "ada@example.com"))))
	            .andExpect(content().string(startsWith("Hello Ada (")));
	}

	@Test
	@WithMockHitKeyUser(projectRole = "member")
	void membersCannotDeploy() throws Exception {
	    mvc.perform(get("/deploy")).andExpect(status().isForbidden());
	}

}
