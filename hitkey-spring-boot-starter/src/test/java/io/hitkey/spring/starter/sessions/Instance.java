package io.hitkey.spring.starter.sessions;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.hitkey.spring.test.FakeHitKey;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One instance of the application, a real server on a random port, signing users in
 * with the given HitKey and keeping sessions in the given store.
 */
final class Instance implements AutoCloseable {

	private final Stack stack;

	private final ConfigurableApplicationContext context;

	private final int port;

	private Instance(Stack stack, ConfigurableApplicationContext context) {
		this.stack = stack;
		this.context = context;
		this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/**
	 * Start an instance of the given stack, with the given properties on top of those of
	 * HitKey and the store.
	 */
	static Instance start(Stack stack, SessionStore store, FakeHitKey hitKey, Map<String, String> extraProperties) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.main.banner-mode", "off");
		properties.put("hitkey.auth-url", hitKey.authUrl());
		properties.put("hitkey.api-url", hitKey.apiUrl());
		properties.put("hitkey.client-id", hitKey.clientId());
		properties.put("hitkey.client-secret", hitKey.clientSecret());
		properties.putAll(store.applicationProperties());
		properties.putAll(extraProperties);
		String[] arguments = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		// Explicit: with both stacks on the class path, Boot would pick the servlet one.
		return new Instance(stack, new SpringApplicationBuilder(stack.application)
			.main(stack.application)
			.web(stack.type)
			.run(arguments));
	}

	Stack stack() {
		return this.stack;
	}

	int port() {
		return this.port;
	}

	/**
	 * Return the URL of the given path on this instance.
	 */
	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * Return the given URL of an instance, sent to this one instead, as a load balancer
	 * would.
	 */
	String here(String url) {
		return UriComponentsBuilder.fromUri(URI.create(url)).port(this.port).build(true).toUriString();
	}

	/**
	 * Return the id of the session the given session cookie names.
	 */
	String sessionId(String cookie) {
		return this.stack.sessionId(cookie);
	}

	boolean isRunning() {
		return this.context.isRunning();
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * Return whether the given URL is one of the given instances'.
	 */
	static boolean isOneOf(List<Instance> instances, URI uri) {
		return "localhost".equals(uri.getHost()) && instances.stream().anyMatch((instance) -> instance.port == uri.getPort());
	}

	/**
	 * The web stack of an instance: its application, and how its session cookie names
	 * the session.
	 */
	enum Stack {

		/**
		 * Spring MVC: Spring Session's cookie holds the session id in Base64.
		 */
		SERVLET(WebApplicationType.SERVLET, SessionStoreApplication.class) {

			@Override
			String sessionId(String cookie) {
				return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
			}

		},

		/**
		 * WebFlux: WebFlux's cookie holds the session id as it is.
		 */
		REACTIVE(WebApplicationType.REACTIVE, ReactiveSessionStoreApplication.class) {

			@Override
			String sessionId(String cookie) {
				return cookie;
			}

		};

		private final WebApplicationType type;

		private final Class<?> application;

		Stack(WebApplicationType type, Class<?> application) {
			this.type = type;
			this.application = application;
		}

		abstract String sessionId(String cookie);

	}

}
