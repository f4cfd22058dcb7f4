package io.hitkey.spring.test.readme;

import io.hitkey.spring.HitKeyUser;
import io.hitkey.spring.web.HitKeyLoginConfigurer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application the README's snippets describe: the Quick start's controller and the
 * filter chain of "What the starter does for you", verbatim, with the pages they name.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ReadmeApplication {

	@Bean
	SecurityFilterChain security(HttpSecurity http) {
	    http.authorizeHttpRequests((requests) -> requests
	            .requestMatchers("/", "/public/**").permitAll()
	            .requestMatchers("/admin/**").hasRole("ADMIN")
	            .requestMatchers("/deploy/**").hasAuthority("PERMISSION_can_deploy")
	            .anyRequest().authenticated());
	    http.oauth2Login(Customizer.withDefaults());
	    http.with(HitKeyLoginConfigurer.hitKey(), (hitKey) -> hitKey.failureUrl("/login-error"));
	    return http.build();
	}

	@RestController
	static class Pages {

		@GetMapping("/me")
		String me(@AuthenticationPrincipal HitKeyUser user) {
		    return "Hello " + user.displayName() + " (" + user.id() + ")";
		}

		@GetMapping("/admin")
		String admin() {
			return "admin";
		}

		@GetMapping("/deploy")
		String deploy() {
			return "deploy";
		}

		@GetMapping("/login-error")
		String loginError() {
			return "sign-in failed";
		}

	}

}
