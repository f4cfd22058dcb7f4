package io.hitkey.spring.benchmarks;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who a Bearer request is authenticated as, so that a check can see the token's owner
 * behind the page the benchmarks time.
 */
@RestController
class TokenOwnerController {

	@GetMapping("/me")
	String me(Authentication authentication) {
		return authentication.getName();
	}

}
