package io.hitkey.spring.starter.bearer;

import java.util.LinkedHashMap;
import java.util.Map;

import io.hitkey.spring.test.FakeHitKey;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test API started on a free port, on the given stack, against a fake HitKey: with
 * a HitKey client (browser sign-in next to Bearer tokens) or without (API only).
 */
final class BearerApplication implements AutoCloseable {

	static final String CACHE_TIME = "4s";

	private final ConfigurableApplicationContext context;

	private BearerApplication(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Start the API, with the given configuration classes next to it, such as a security
	 * chain of the application's own.
	 */
	static BearerApplication start(WebApplicationType stack, boolean signIn, FakeHitKey hitKey,
			Class<?>... configurations) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.main.banner-mode", "off");
		properties.put("hitkey.api-url", hitKey.apiUrl());
		properties.put("hitkey.read-timeout", "1s");
		properties.put("hitkey.resource-server.cache.time-to-live", CACHE_TIME);
		if (signIn) {
			properties.put("hitkey.auth-url", hitKey.authUrl());
			properties.put("hitkey.client-id", hitKey.clientId());
			properties.put("hitkey.client-secret", hitKey.clientSecret());
			properties.put("hitkey.scopes", "openid,profile,email,project:read");
		}
		String[] arguments = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		// Explicit: with both stacks on the class path, Boot would pick the servlet one.
		return new BearerApplication(new SpringApplicationBuilder(BearerTestApplication.class).sources(configurations)
			.web(stack)
			.run(arguments));
	}

	int port() {
		return this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
