package io.hitkey.spring.test;

import java.util.List;

import io.hitkey.spring.HitKeyAuthoritiesMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static io.hitkey.spring.test.HitKeyMockMvcRequestPostProcessors.hitKeyLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * Mock HitKey logins use the application's own {@link HitKeyAuthoritiesMapper}.
 */
@SpringBootTest(classes = { SampleApplication.class, MockHitKeyLoginCustomMappingTests.Mapping.class })
@AutoConfigureFakeHitKey
@AutoConfigureMockMvc
class MockHitKeyLoginCustomMappingTests {

	@Autowired
	MockMvc mvc;

	@Test
	void postProcessorUsesTheApplicationsMapping() throws Exception {
		this.mvc.perform(get("/auth").with(hitKeyLogin().email("boss@example.com")))
			.andExpect(jsonPath("$.authorities").value(org.hamcrest.Matchers.contains("FACTOR_AUTHORIZATION_CODE",
					"ROLE_BOSS")));
	}

	@Test
	@WithMockHitKeyUser(email = "boss@example.com")
	void annotationUsesTheApplicationsMapping() throws Exception {
		this.mvc.perform(get("/auth"))
			.andExpect(jsonPath("$.authorities").value(org.hamcrest.Matchers.contains("FACTOR_AUTHORIZATION_CODE",
					"ROLE_BOSS")));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Mapping {

		@Bean
		HitKeyAuthoritiesMapper bossMapper() {
			return (user) -> "boss@example.com".equals(user.email()) ? List.of(new SimpleGrantedAuthority("ROLE_BOSS"))
					: List.of();
		}

	}

}
