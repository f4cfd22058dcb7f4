package io.hitkey.spring.benchmarks;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page every contender serves: protected by the secured applications, open in the
 * one without security.
 */
@RestController
class HelloController {

	@GetMapping("/hello")
	String hello() {
		return "hello";
	}

}
