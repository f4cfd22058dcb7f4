package io.hitkey.spring.starter.failures;

import java.util.Map;
import java.util.TreeMap;

import io.hitkey.spring.HitKeyUser;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with only the starter and its default filter chain.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class FailureTestApplication {

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
			String token = client.getAccessToken().getTokenValue();
			return Map.of("tokenEnd", token.substring(token.length() - 6));
		}

		@GetMapping("/echo")
		Map<String, String> echo(@RequestParam String code, HttpServletRequest request) {
			return new TreeMap<>(Map.of("code", code, "query", request.getQueryString()));
		}

		@GetMapping("/describe")
		String describe(Authentication authentication,
				@RegisteredOAuth2AuthorizedClient("hitkey") OAuth2AuthorizedClient client) {
			return authentication + "\n" + client + "\n" + client.getAccessToken() + "\n" + client.getRefreshToken();
		}

	}

}
