package io.hitkey.spring.starter.bearer;

import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An API on either stack: it shows who a request is authenticated as.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(BearerTestApplication.Api.class)
class BearerTestApplication {

	@RestController
	static class Api {

		@GetMapping("/api/me")
		Map<String, Object> me(Authentication authentication) {
			return Map.of("name", authentication.getName(), "type", authentication.getClass().getSimpleName(),
					"authorities", authentication.getAuthorities()
						.stream()
						.map(GrantedAuthority::getAuthority)
						.filter((authority) -> !authority.startsWith("FACTOR_"))
						.sorted()
						.toList());
		}

		@PostMapping("/api/notes")
		Map<String, Object> note(Authentication authentication, @RequestBody String text) {
			return Map.of("author", authentication.getName(), "text", text);
		}

	}

}
