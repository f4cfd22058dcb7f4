package io.hitkey.spring.starter.sessions;

import java.net.URI;
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

	private final ConfigurableApplicationContext context;

	private final int port;

	private Instance(ConfigurableApplicationContext context) {
		this.context = context;
		this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	static Instance start(SessionStore store, FakeHitKey hitKey) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.main.banner-mode", "off");
		properties.put("hitkey.auth-url", hitKey.authUrl());
		properties.put("hitkey.api-url", hitKey.apiUrl());
		properties.put("hitkey.client-id", hitKey.clientId());
		properties.put("hitkey.client-secret", hitKey.clientSecret());
		properties.putAll(store.applicationProperties());
		String[] arguments = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		return new Instance(new SpringApplicationBuilder(SessionStoreApplication.class)
			.main(SessionStoreApplication.class)
			.web(WebApplicationType.SERVLET)
			.run(arguments));
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

}
