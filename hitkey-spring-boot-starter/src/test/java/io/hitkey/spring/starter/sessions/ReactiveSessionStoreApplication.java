package io.hitkey.spring.starter.sessions;

import java.util.Map;

import io.hitkey.spring.HitKeyUser;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The WebFlux twin of {@link SessionStoreApplication}: the starter, its default filter
 * chain, and Spring Session's reactive Redis store as Spring Boot configures it, with the
 * same endpoints.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ReactiveSessionStoreApplication {

	/**
	 * Event loops of the instance's own: the tests run two instances in one JVM, and one
	 * that stops would dispose of Reactor Netty's global loops, the other's server with
	 * them.
	 */
	@Bean
	ReactorResourceFactory reactorResourceFactory() {
		ReactorResourceFactory resources = new ReactorResourceFactory();
		resources.setUseGlobalResources(false);
		return resources;
	}

	@RestController
	static class Endpoints {

		@GetMapping("/")
		String home() {
			return "Home";
		}

		@GetMapping("/me")
		Map<String, String> me(@AuthenticationPrincipal HitKeyUser user) {
			return Map.of("sub", user.getName());
		}

		@GetMapping("/token")
		Map<String, String> token(@RegisteredOAuth2AuthorizedClient("hitkey") OAuth2AuthorizedClient client) {
			return Map.of("accessToken", client.getAccessToken().getTokenValue(), "refreshToken",
					client.getRefreshToken().getTokenValue());
		}

	}

}
