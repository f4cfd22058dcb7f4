package io.hitkey.spring.test;

import java.util.List;
import java.util.Map;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Starts a {@link FakeHitKey}, registers it as a bean, points the {@code hitkey.*}
 * properties at it, and stops it with the context. Properties the test sets itself win.
 *
 * @author HitKey
 */
class FakeHitKeyContextCustomizer implements ContextCustomizer {

	static final String BEAN_NAME = "fakeHitKey";

	private final boolean autoApprove;

	FakeHitKeyContextCustomizer(boolean autoApprove) {
		this.autoApprove = autoApprove;
	}

	private static final List<String> TEST_PROPERTY_SOURCES = List.of(
			TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, "Dynamic Test Properties");

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		Map<String, Object> properties;
		if (AotDetector.useGeneratedArtifacts() || Boolean.getBoolean("spring.aot.processing")) {
			// Ahead-of-time processing builds the context without running it: nothing to
			// serve, and a server would outlive the processing.
			properties = properties("http://127.0.0.1:1", FakeHitKey.DEFAULT_CLIENT_ID,
					FakeHitKey.DEFAULT_CLIENT_SECRET);
		}
		else {
			FakeHitKey.Builder builder = FakeHitKey.builder();
			if (this.autoApprove) {
				builder.autoApprove(FakeHitKeyUsers.defaults().get(0));
			}
			FakeHitKey hitKey = builder.build().start();
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			beanFactory.registerSingleton(BEAN_NAME, hitKey);
			// Closed when the context closes, and when it fails to start.
			((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(BEAN_NAME, hitKey::close);
			properties = properties(hitKey.apiUrl(), hitKey.clientId(), hitKey.clientSecret());
		}
		addBelowTestProperties(context.getEnvironment().getPropertySources(),
				new MapPropertySource(BEAN_NAME, properties));
	}

	private static Map<String, Object> properties(String url, String clientId, String clientSecret) {
		return Map.of("hitkey.auth-url", url, "hitkey.api-url", url, "hitkey.client-id", clientId,
				"hitkey.client-secret", clientSecret);
	}

	/**
	 * Add the fake's properties above the application's configuration but below the
	 * test's own ({@code @SpringBootTest(properties)}, {@code @DynamicPropertySource}).
	 */
	private static void addBelowTestProperties(MutablePropertySources sources, MapPropertySource fake) {
		String lowestTestSource = null;
		for (PropertySource<?> source : sources) {
			if (TEST_PROPERTY_SOURCES.contains(source.getName())) {
				lowestTestSource = source.getName();
			}
		}
		if (lowestTestSource != null) {
			sources.addAfter(lowestTestSource, fake);
		}
		else {
			sources.addFirst(fake);
		}
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
