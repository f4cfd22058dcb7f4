package io.hitkey.spring.test;

import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a {@link FakeHitKey}, registers it as a bean, points the {@code hitkey.*}
 * properties at it, and stops it with the context.
 *
 * @author HitKey
 */
class FakeHitKeyContextCustomizer implements ContextCustomizer {

	static final String BEAN_NAME = "fakeHitKey";

	private final boolean autoApprove;

	FakeHitKeyContextCustomizer(boolean autoApprove) {
		this.autoApprove = autoApprove;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		FakeHitKey.Builder builder = FakeHitKey.builder();
		if (this.autoApprove) {
			builder.autoApprove(FakeHitKeyUsers.defaults().get(0));
		}
		FakeHitKey hitKey = builder.build().start();
		context.getBeanFactory().registerSingleton(BEAN_NAME, hitKey);
		context.addApplicationListener((event) -> {
			if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
				hitKey.close();
			}
		});
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource(BEAN_NAME,
					Map.of("hitkey.auth-url", hitKey.authUrl(), "hitkey.api-url", hitKey.apiUrl(), "hitkey.client-id",
							hitKey.clientId(), "hitkey.client-secret", hitKey.clientSecret())));
	}

	@Override
	public boolean equals(Object obj) {
		return (obj instanceof FakeHitKeyContextCustomizer other) && this.autoApprove == other.autoApprove;
	}

	@Override
	public int hashCode() {
		return Boolean.hashCode(this.autoApprove);
	}

}
