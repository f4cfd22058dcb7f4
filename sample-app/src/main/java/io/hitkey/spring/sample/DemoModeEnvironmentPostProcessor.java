package io.hitkey.spring.sample;

import java.util.Map;

import io.hitkey.spring.test.FakeHitKey;

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
 * HitKey instead.
 *
 * @author HitKey
 */
class DemoModeEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String DEMO_MODE_PROPERTY = "sample.demo-mode";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("hitkey.client-id"))
				|| environment.getPropertySources().contains("demoHitKey")) {
			return;
		}
		FakeHitKey hitKey = FakeHitKey.builder().build().start();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("demoHitKey",
					Map.of(DEMO_MODE_PROPERTY, "true", "hitkey.auth-url", hitKey.authUrl(), "hitkey.api-url",
							hitKey.apiUrl(), "hitkey.client-id", hitKey.clientId(), "hitkey.client-secret",
							hitKey.clientSecret())));
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
