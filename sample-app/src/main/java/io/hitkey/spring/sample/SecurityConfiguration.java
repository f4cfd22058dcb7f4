package io.hitkey.spring.sample;

import io.hitkey.spring.web.HitKeyLoginConfigurer;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * Who may see what, in two filter chains. The API ({@code /api/**}) accepts HitKey access
 * tokens as Bearer tokens and nothing else: no session, no redirect to a sign-in. The
 * pages: the home page is public, the admin page needs a project admin or owner,
 * everything else a signed-in user. {@link HitKeyLoginConfigurer} adds the starter's
 * hardening: several tabs, 401 for API calls, refresh failures.
 *
 * @author HitKey
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String ADMIN_PAGE = "/admin";

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http) {
		http.securityMatcher("/api/**");
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
		// The starter's introspector checks the token at HitKey's userinfo, behind a cache.
		http.oauth2ResourceServer((resourceServer) -> resourceServer.opaqueToken(withDefaults()));
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		// The API reads no cookies, only the Authorization header: there is nothing to forge.
		http.csrf(AbstractHttpConfigurer::disable);
		return http.build();
	}

	/**
	 * Where the pages' chain keeps the signed-in user, as Spring Security does by default,
	 * and where {@link ProfileRefresh} saves the refreshed one.
	 */
	@Bean
	SecurityContextRepository securityContextRepository() {
		return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
				new HttpSessionSecurityContextRepository());
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityContextRepository securityContextRepository) {
		http.securityContext((context) -> context.securityContextRepository(securityContextRepository));
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/", "/login-error", "/logout", "/css/**", "/error")
			.permitAll()
			.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
			.permitAll()
			.requestMatchers(ADMIN_PAGE)
			.hasAnyRole("ADMIN", "OWNER")
			.anyRequest()
			.authenticated());
		http.oauth2Login((login) -> login.loginPage("/").defaultSuccessUrl("/profile"));
		http.with(HitKeyLoginConfigurer.hitKey(), (hitKey) -> hitKey.failureUrl("/login-error"));
		http.logout((logout) -> logout.logoutSuccessUrl("/"));
		return http.build();
	}

}
