package io.hitkey.spring.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import io.hitkey.spring.HitKeyUser;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application that uses the starter as a team would, with endpoints that show what
 * a signed-in user looks like to it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class SampleApplication {

	@RestController
	static class SignedInController {

		@GetMapping("/auth")
		Map<String, Object> authentication(Authentication authentication, @AuthenticationPrincipal HitKeyUser user) {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("principalType", authentication.getPrincipal().getClass().getName());
			result.put("name", authentication.getName());
			result.put("attributes", user.getAttributes());
			result.put("scopes", new TreeSet<>(user.scopes()));
			result.put("authorities",
					authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
			return result;
		}

		@GetMapping("/token")
		String token(@RegisteredOAuth2AuthorizedClient("hitkey") OAuth2AuthorizedClient client) {
			return client.getAccessToken().getTokenValue();
		}

	}

}
