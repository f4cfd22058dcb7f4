package io.hitkey.spring.test;

import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the fake HitKey of an application that has {@link FakeHitKeyConfiguration}
 * among its sources, and points the starter at it. It must happen here, while the
 * environment is prepared: the starter's conditions (sign-in or API only) read the
 * {@code hitkey.*} properties when configuration classes are parsed, before any bean of
 * the application exists.
 *
 * @author HitKey
 */
class FakeHitKeyEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PORT_PROPERTY = "hitkey.fake.port";

	static final String PROPERTY_SOURCE_NAME = "fakeHitKey";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!application.getAllSources().contains(FakeHitKeyConfiguration.class)
				|| environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		int port = environment.getProperty(PORT_PROPERTY, Integer.class, 0);
		FakeHitKey hitKey = start(port);
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
					Map.of("hitkey.auth-url", hitKey.authUrl(), "hitkey.api-url", hitKey.apiUrl(), "hitkey.client-id",
							hitKey.clientId(), "hitkey.client-secret", hitKey.clientSecret())));
		application.addInitializers(new FakeHitKeyApplicationContextInitializer(hitKey));
	}

	private static FakeHitKey start(int port) {
		try {
			return FakeHitKey.builder().port(port).build().start();
		}
		catch (UncheckedIOException ex) {
			throw new IllegalStateException("Could not start the fake HitKey on port " + port + " (" + PORT_PROPERTY
					+ "): is another application using that port?", ex);
		}
	}

}
