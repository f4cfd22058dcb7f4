package io.hitkey.spring.sample;

import io.hitkey.spring.web.HitKeyLoginConfigurer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may see what: the home page is public, the admin page needs a project admin or
 * owner, everything else a signed-in user. {@link HitKeyLoginConfigurer} adds the
 * starter's hardening: several tabs, 401 for API calls, refresh failures.
 *
 * @author HitKey
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/", "/login-error", "/css/**", "/error")
			.permitAll()
			.requestMatchers("/admin")
			.hasAnyRole("ADMIN", "OWNER")
			.anyRequest()
			.authenticated());
		http.oauth2Login((login) -> login.loginPage("/").defaultSuccessUrl("/profile"));
		http.with(HitKeyLoginConfigurer.hitKey(), (hitKey) -> hitKey.failureUrl("/login-error"));
		http.logout((logout) -> logout.logoutSuccessUrl("/"));
		return http.build();
	}

}
