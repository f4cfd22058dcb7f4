package io.hitkey.spring.autoconfigure;

import java.util.Arrays;

import org.springframework.util.ClassUtils;

/**
 * Spring Boot's resource-server auto-configurations of the Boot line under test: their
 * classes moved between 4.0 and 4.1.
 */
final class BootResourceServerAutoConfigurations {

	private static final String PACKAGE = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.";

	private BootResourceServerAutoConfigurations() {
	}

	static Class<?>[] servlet() {
		return present("servlet.OAuth2ResourceServerAutoConfiguration", "OAuth2ResourceServerAutoConfiguration",
				"web.OAuth2ResourceServerWebSecurityAutoConfiguration");
	}

	static Class<?>[] reactive() {
		return present("reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
				"web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration");
	}

	private static Class<?>[] present(String... names) {
		ClassLoader classLoader = BootResourceServerAutoConfigurations.class.getClassLoader();
		return Arrays.stream(names)
			.map((name) -> PACKAGE + name)
			.filter((name) -> ClassUtils.isPresent(name, classLoader))
			.map((name) -> ClassUtils.resolveClassName(name, classLoader))
			.toArray(Class<?>[]::new);
	}

}
