package io.hitkey.spring.starter.quickstart;

import io.hitkey.spring.HitKeyUser;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The README's Quick start: an application with nothing but the starter, Spring MVC and
 * the controller of step 3, verbatim.
 */
@SpringBootApplication
public class QuickStartApplication {

	@RestController
	static class MeController {

		@GetMapping("/me")
		String me(@AuthenticationPrincipal HitKeyUser user) {
			return "Hello " + user.displayName() + " (" + user.id() + ")";
		}

	}

}
