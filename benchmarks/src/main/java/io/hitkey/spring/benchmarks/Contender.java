package io.hitkey.spring.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.hitkey.spring.test.FakeHitKey;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The applications compared, each started on a random port against a HitKey at the given
 * URLs. Spring Session on Redis is on the class path for {@link #startOnRedis}; every other
 * start excludes the auto-configurations it brings, so the contenders keep their sessions
 * on the heap, as they would without it. Spring Security's resource server is on the
 * class path for {@link #API_ONLY}; the others exclude its auto-configurations and the
 * starter's, so their filter chains are those of an application without it.
 */
enum Contender {

	STARTER("starter", StarterApplication.class) {
		@Override
		Map<String, Object> properties(String authUrl, String apiUrl) {
			Map<String, Object> properties = hitKeyAt(authUrl, apiUrl);
			properties.put("hitkey.client-id", FakeHitKey.DEFAULT_CLIENT_ID);
			properties.put("hitkey.client-secret", FakeHitKey.DEFAULT_CLIENT_SECRET);
			excludeResourceServer(properties);
			return properties;
		}
	},

	HAND_WRITTEN("hand_written", HandWrittenApplication.class) {
		@Override
		Map<String, Object> properties(String authUrl, String apiUrl) {
			Map<String, Object> properties = common();
			properties.put("hitkey.enabled", "false");
			String registration = "spring.security.oauth2.client.registration.hitkey.";
			properties.put(registration + "client-id", FakeHitKey.DEFAULT_CLIENT_ID);
			properties.put(registration + "client-secret", FakeHitKey.DEFAULT_CLIENT_SECRET);
			properties.put(registration + "client-authentication-method", "client_secret_post");
			properties.put(registration + "authorization-grant-type", "authorization_code");
			properties.put(registration + "redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}");
			properties.put(registration + "scope", "profile,email");
			String provider = "spring.security.oauth2.client.provider.hitkey.";
			properties.put(provider + "authorization-uri", authUrl + "/");
			properties.put(provider + "token-uri", apiUrl + "/oauth/token");
			properties.put(provider + "user-info-uri", apiUrl + "/oauth/userinfo");
			properties.put(provider + "user-name-attribute", "sub");
			excludeResourceServer(properties);
			return properties;
		}
	},

	/**
	 * The starter with the resource server and no client id: an API that accepts HitKey
	 * access tokens as Bearer tokens, with the starter's cache at its default time.
	 */
	API_ONLY("api_only", ApiApplication.class) {
		@Override
		Map<String, Object> properties(String authUrl, String apiUrl) {
			return hitKeyAt(authUrl, apiUrl);
		}
	},

	NO_SECURITY("no_security", NoSecurityApplication.class) {
		@Override
		Map<String, Object> properties(String authUrl, String apiUrl) {
			Map<String, Object> properties = common();
			exclude(properties, (name) -> name.contains(".security.") || name.startsWith("io.hitkey."));
			return properties;
		}
	};

	/**
	 * The packages of the auto-configurations that {@code spring-boot-starter-session-data-redis}
	 * brings: Spring Session, Spring Data (Redis, web support), persistence, transactions, Netty.
	 */
	private static final List<String> SESSION_STORE_PACKAGES = List.of("org.springframework.boot.session.",
			"org.springframework.boot.data.", "org.springframework.boot.persistence.",
			"org.springframework.boot.transaction.", "org.springframework.boot.netty.");

	private final String key;

	private final Class<?> application;

	Contender(String key, Class<?> application) {
		this.key = key;
		this.application = application;
	}

	/**
	 * The contender's name in the results.
	 */
	String key() {
		return this.key;
	}

	abstract Map<String, Object> properties(String authUrl, String apiUrl);

	/**
	 * Start the contender with its sessions on the heap.
	 */
	ConfigurableApplicationContext start(String authUrl, String apiUrl) {
		Map<String, Object> properties = properties(authUrl, apiUrl);
		exclude(properties, (name) -> SESSION_STORE_PACKAGES.stream().anyMatch(name::startsWith));
		return run(properties);
	}

	/**
	 * Start the contender with Spring Session on the Redis at the given port, with Boot's
	 * defaults (one hash per session) and the given {@code hitkey.session.serialization}.
	 */
	ConfigurableApplicationContext startOnRedis(String authUrl, String apiUrl, int redisPort, String serialization) {
		Map<String, Object> properties = properties(authUrl, apiUrl);
		properties.put("spring.data.redis.host", "127.0.0.1");
		properties.put("spring.data.redis.port", String.valueOf(redisPort));
		properties.put("hitkey.session.serialization", serialization);
		return run(properties);
	}

	private ConfigurableApplicationContext run(Map<String, Object> properties) {
		return new SpringApplicationBuilder(this.application).web(WebApplicationType.SERVLET)
			.properties(properties)
			.run();
	}

	static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static Map<String, Object> common() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "WARN");
		properties.put("spring.jmx.enabled", "false");
		return properties;
	}

	/**
	 * The common properties and the starter's HitKey URLs.
	 */
	private static Map<String, Object> hitKeyAt(String authUrl, String apiUrl) {
		Map<String, Object> properties = common();
		properties.put("hitkey.auth-url", authUrl);
		properties.put("hitkey.api-url", apiUrl);
		return properties;
	}

	/**
	 * Exclude the resource server's auto-configurations, Boot's (its web security ones
	 * included, on Boot 4.1) and the starter's.
	 */
	private static void excludeResourceServer(Map<String, Object> properties) {
		exclude(properties, (name) -> name.contains("ResourceServer"));
	}

	/**
	 * Add the auto-configurations on the class path whose names match to those the
	 * properties exclude.
	 */
	private static void exclude(Map<String, Object> properties, Predicate<String> names) {
		String excluded = ImportCandidates.load(AutoConfiguration.class, Contender.class.getClassLoader())
			.getCandidates()
			.stream()
			.filter(names)
			.collect(Collectors.joining(","));
		properties.merge("spring.autoconfigure.exclude", excluded, (before, more) -> before + "," + more);
	}

}
