package io.hitkey.spring.starter.failures;

import io.hitkey.spring.web.HitKeyLoginConfigurer;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Filter chains that applications write themselves, to run the failure journeys through.
 */
final class ApplicationChains {

	private ApplicationChains() {
	}

	/**
	 * The chain of the README, copied verbatim, with the application's own failure page.
	 */
	@Configuration(proxyBeanMethods = false)
	@Import(LoginErrorPage.class)
	static class Readme {

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

	}

	/**
	 * A chain with Spring Security's plain {@code oauth2Login()}, without
	 * {@code HitKeyLoginConfigurer}.
	 */
	@Configuration(proxyBeanMethods = false)
	static class PlainLogin {

		@Bean
		SecurityFilterChain security(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests
					.requestMatchers("/", "/public/**").permitAll()
					.anyRequest().authenticated());
			http.oauth2Login(Customizer.withDefaults());
			return http.build();
		}

	}

	/**
	 * The application's failure page, with HitKey's message.
	 */
	@RestController
	static class LoginErrorPage {

		@GetMapping(path = "/login-error", produces = "text/plain")
		String failed(HttpSession session) {
			Object failure = session.getAttribute("SPRING_SECURITY_LAST_EXCEPTION");
			String message = (failure instanceof OAuth2AuthenticationException oauth2
					&& oauth2.getError().getDescription() != null) ? oauth2.getError().getDescription() : "unknown";
			return "Sign-in failed: " + HtmlUtils.htmlEscape(message);
		}

	}

}
