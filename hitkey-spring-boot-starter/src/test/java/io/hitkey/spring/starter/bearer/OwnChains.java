package io.hitkey.spring.starter.bearer;

import io.hitkey.spring.web.HitKeyLoginConfigurer;
import io.hitkey.spring.web.server.HitKeyServerLoginCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * The README's chains of an application's own that sign browsers in and accept HitKey
 * access tokens, verbatim.
 */
final class OwnChains {

	private OwnChains() {
	}

	@Configuration(proxyBeanMethods = false)
	static class Servlet {

		@Bean
		SecurityFilterChain security(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			http.oauth2Login(withDefaults());
			http.oauth2ResourceServer((resourceServer) -> resourceServer.opaqueToken(withDefaults()));
			http.with(HitKeyLoginConfigurer.hitKey(), (hitKey) -> hitKey.failureUrl("/login-error"));
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Reactive {

		@Bean
		SecurityWebFilterChain security(ServerHttpSecurity http) {
			http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated());
			http.oauth2Login(withDefaults());
			http.oauth2ResourceServer((resourceServer) -> resourceServer.opaqueToken(withDefaults()));
			HitKeyServerLoginCustomizer.hitKey().failureUrl("/login-error").customize(http);
			return http.build();
		}

	}

}
