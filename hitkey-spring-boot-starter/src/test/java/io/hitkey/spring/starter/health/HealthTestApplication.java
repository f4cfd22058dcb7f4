package io.hitkey.spring.starter.health;

import java.util.LinkedHashMap;
import java.util.Map;

import io.hitkey.spring.test.FakeHitKey;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with Actuator on either stack, with HitKey sign-in or as an API only.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(HealthTestApplication.Api.class)
class HealthTestApplication {

	/**
	 * Start the application on a free port against the given fake HitKey, with the given
	 * properties next to the HitKey ones.
	 */
	static ConfigurableApplicationContext start(WebApplicationType stack, boolean signIn, FakeHitKey hitKey,
			Map<String, String> extraProperties) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.main.banner-mode", "off");
		properties.put("hitkey.api-url", hitKey.apiUrl());
		properties.put("hitkey.connect-timeout", "1s");
		properties.put("hitkey.read-timeout", "1s");
		if (signIn) {
			properties.put("hitkey.auth-url", hitKey.authUrl());
			properties.put("hitkey.client-id", hitKey.clientId());
			properties.put("hitkey.client-secret", hitKey.clientSecret());
		}
		properties.putAll(extraProperties);
		String[] arguments = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		// Explicit: with both stacks on the class path, Boot would pick the servlet one.
		return new SpringApplicationBuilder(HealthTestApplication.class).web(stack).run(arguments);
	}

	@RestController
	static class Api {

		@GetMapping("/api/me")
		Map<String, String> me(Authentication authentication) {
			return Map.of("name", authentication.getName());
		}

	}

}
