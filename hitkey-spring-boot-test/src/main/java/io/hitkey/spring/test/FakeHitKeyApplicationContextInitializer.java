package io.hitkey.spring.test;

import java.util.HashMap;
import java.util.Map;

import io.hitkey.spring.HitKeyClientRegistrations;
import io.hitkey.spring.autoconfigure.HitKeyProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Makes the fake HitKey of {@link FakeHitKeyConfiguration} part of its application: a
 * bean that stops with it, which expects the application's redirect URI once its web
 * server runs, and one startup line that says where it runs.
 *
 * @author HitKey
 */
final class FakeHitKeyApplicationContextInitializer
		implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Log logger = LogFactory.getLog(FakeHitKeyConfiguration.class);

	private final FakeHitKey hitKey;

	FakeHitKeyApplicationContextInitializer(FakeHitKey hitKey) {
		this.hitKey = hitKey;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(FakeHitKeyContextCustomizer.BEAN_NAME, this.hitKey);
		// Closed when the context closes (devtools restarts included), and when it fails
		// to start.
		((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(FakeHitKeyContextCustomizer.BEAN_NAME,
				this.hitKey::close);
		context.addApplicationListener((event) -> {
			if (event instanceof ApplicationReadyEvent ready && ready.getApplicationContext() == context) {
				ready(context);
			}
		});
	}

	private void ready(ConfigurableApplicationContext context) {
		Environment environment = context.getEnvironment();
		String port = environment.getProperty("local.server.port");
		HitKeyProperties properties = context.getBeanProvider(HitKeyProperties.class).getIfAvailable();
		String open = "";
		if (port != null) {
			String baseUrl = baseUrl(environment, port);
			if (properties != null) {
				this.hitKey.registerRedirectUri(redirectUri(properties.getRedirectUri(), baseUrl));
			}
			open = "open " + baseUrl + " and ";
		}
		logger.info("Signing in against a fake HitKey at " + this.hitKey.authUrl() + " (for development only): "
				+ open + "pick a test user on its sign-in page");
	}

	/**
	 * Return the application's address as a browser on this machine uses it, the address
	 * a developer registers at HitKey.
	 */
	private static String baseUrl(Environment environment, String port) {
		boolean ssl = environment.getProperty("server.ssl.enabled", Boolean.class, true)
				&& (StringUtils.hasText(environment.getProperty("server.ssl.bundle"))
						|| StringUtils.hasText(environment.getProperty("server.ssl.key-store"))
						|| StringUtils.hasText(environment.getProperty("server.ssl.certificate")));
		String path = environment.getProperty("server.servlet.context-path",
				environment.getProperty("spring.webflux.base-path", ""));
		return (ssl ? "https" : "http") + "://localhost:" + port + trimTrailingSlash(path);
	}

	private static String trimTrailingSlash(String path) {
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	/**
	 * Expand {@code hitkey.redirect-uri} as Spring Security does for a request to the
	 * given address.
	 */
	private static String redirectUri(String template, String baseUrl) {
		UriComponents components = UriComponentsBuilder.fromUriString(baseUrl).build();
		Map<String, @Nullable String> variables = new HashMap<>();
		variables.put("baseUrl", baseUrl);
		variables.put("baseScheme", components.getScheme());
		variables.put("baseHost", components.getHost());
		variables.put("basePort", ":" + components.getPort());
		variables.put("basePath", components.getPath());
		variables.put("registrationId", HitKeyClientRegistrations.REGISTRATION_ID);
		variables.put("action", "login");
		return UriComponentsBuilder.fromUriString(template).buildAndExpand(variables).toUriString();
	}

}
