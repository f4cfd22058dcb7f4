package io.hitkey.spring.sample;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.Map;

import io.hitkey.spring.test.FakeHitKey;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Demo mode: when no HitKey client id is configured, starts a {@link FakeHitKey} and
 * points the starter at it, so that the sample runs on a fresh clone without a HitKey
 * account. Set {@code HITKEY_CLIENT_ID} and {@code HITKEY_CLIENT_SECRET} to use the real
 * HitKey instead. Demo mode also exposes {@code /actuator/health} (with the
 * {@code hitkey} indicator and its details, to everyone) and {@code /actuator/metrics}
 * (to signed-in users).
 * <p>
 * With {@code sample.demo-hitkey.port} set, the fake listens on that port, and an
 * instance that finds the port taken uses the fake that the first instance started
 * there: several instances then sign their users in against one fake HitKey, which knows
 * the tokens that each of them was given.
 *
 * @author HitKey
 */
class DemoModeEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String DEMO_MODE_PROPERTY = "sample.demo-mode";

	private static final String DEMO_HITKEY_PORT_PROPERTY = "sample.demo-hitkey.port";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("hitkey.client-id"))
				|| environment.getPropertySources().contains("demoHitKey")) {
			return;
		}
		int port = environment.getProperty(DEMO_HITKEY_PORT_PROPERTY, Integer.class, 0);
		FakeHitKey hitKey = start(port);
		String url = (hitKey != null) ? hitKey.authUrl() : "http://127.0.0.1:" + port;
		environment.getPropertySources()
			.addFirst(new MapPropertySource("demoHitKey",
					Map.of(DEMO_MODE_PROPERTY, "true", "hitkey.auth-url", url, "hitkey.api-url", url,
							"hitkey.client-id", FakeHitKey.DEFAULT_CLIENT_ID, "hitkey.client-secret",
							FakeHitKey.DEFAULT_CLIENT_SECRET, "management.endpoints.web.exposure.include",
							"health,metrics", "management.health.hitkey.enabled", "true",
							"management.endpoint.health.show-details", "always")));
		if (hitKey != null) {
			application.addInitializers((context) -> {
				context.getBeanFactory().registerSingleton("demoHitKey", hitKey);
				context.addApplicationListener((event) -> {
					if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
						hitKey.close();
					}
				});
			});
		}
	}

	/**
	 * Start a fake HitKey on the given port (0 for any), or return {@code null} when
	 * another instance of the sample already runs one on that fixed port.
	 */
	private static @Nullable FakeHitKey start(int port) {
		try {
			return FakeHitKey.builder().port(port).build().start();
		}
		catch (UncheckedIOException ex) {
			if (port != 0 && ex.getCause() instanceof BindException) {
				return null;
			}
			throw ex;
		}
	}

}
