package io.hitkey.spring.starter.sessions;

import java.util.Map;

import io.hitkey.spring.HitKeyUser;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with the starter, its default filter chain, and Spring Session as
 * Spring Boot configures it, nothing of HitKey's configured for the store.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class SessionStoreApplication {

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

		/**
		 * The tokens the application holds, refreshed on the way when the access token
		 * expired: the tests need their values to look for them in the store.
		 */
		@GetMapping("/token")
		Map<String, String> token(@RegisteredOAuth2AuthorizedClient("hitkey") OAuth2AuthorizedClient client) {
			return Map.of("accessToken", client.getAccessToken().getTokenValue(), "refreshToken",
					client.getRefreshToken().getTokenValue());
		}

	}

}
