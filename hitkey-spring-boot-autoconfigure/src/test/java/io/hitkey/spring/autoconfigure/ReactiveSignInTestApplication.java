package io.hitkey.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.hitkey.spring.HitKeyUser;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * A WebFlux application with only the starter, and endpoints that show what a signed-in
 * user looks like to it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ReactiveSignInTestApplication {

	@RestController
	static class ProfileController {

		@GetMapping("/me")
		Map<String, Object> me(Authentication authentication) {
			HitKeyUser user = (HitKeyUser) authentication.getPrincipal();
			Map<String, Object> me = new LinkedHashMap<>();
			me.put("name", user.getName());
			me.put("email", user.email());
			me.put("authorities",
					authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
			return me;
		}

		@GetMapping("/csrf")
		Mono<String> csrf(ServerWebExchange exchange) {
			Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
			return (token != null) ? token.map(CsrfToken::getToken) : Mono.empty();
		}

		@GetMapping("/token")
		String token(@RegisteredOAuth2AuthorizedClient("hitkey") OAuth2AuthorizedClient client) {
			return client.getAccessToken().getTokenValue();
		}

	}

}
