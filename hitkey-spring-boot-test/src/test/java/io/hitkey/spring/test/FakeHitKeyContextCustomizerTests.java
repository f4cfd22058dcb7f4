package io.hitkey.spring.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link FakeHitKeyContextCustomizer}: the fake lives and dies with its
 * context, and the test's own properties win over the fake's.
 */
class FakeHitKeyContextCustomizerTests {

	private final FakeHitKeyContextCustomizer customizer = new FakeHitKeyContextCustomizer(true);

	@Test
	void fakeStopsWhenItsContextCloses() {
		FakeHitKey hitKey;
		int port;
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			this.customizer.customizeContext(context, mock(MergedContextConfiguration.class));
			context.refresh();
			hitKey = context.getBean(FakeHitKey.class);
			port = hitKey.port();
			assertThat(isListening(port)).isTrue();
			assertThat(context.getEnvironment().getProperty("hitkey.api-url")).isEqualTo(hitKey.apiUrl());
		}
		assertThat(isListening(port)).isFalse();
	}

	@Test
	void fakeStopsWhenItsContextFailsToStart() {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.register(FailingConfiguration.class);
		this.customizer.customizeContext(context, mock(MergedContextConfiguration.class));
		String apiUrl = context.getEnvironment().getProperty("hitkey.api-url");
		int port = Integer.parseInt(apiUrl.substring(apiUrl.lastIndexOf(':') + 1));

		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(context::refresh);

		assertThat(isListening(port)).isFalse();
	}

	@Test
	void testPropertiesWinOverTheFakes() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME,
						Map.of("hitkey.api-url", "http://127.0.0.1:1")));
			this.customizer.customizeContext(context, mock(MergedContextConfiguration.class));
			context.refresh();

			assertThat(context.getEnvironment().getProperty("hitkey.api-url")).isEqualTo("http://127.0.0.1:1");
			assertThat(context.getEnvironment().getProperty("hitkey.auth-url"))
				.isEqualTo(context.getBean(FakeHitKey.class).authUrl());
		}
	}

	@Test
	void contextsWithTheSameSettingsShareACacheKey() {
		assertThat(List.of(new FakeHitKeyContextCustomizer(true))).containsExactly(this.customizer);
		assertThat(new FakeHitKeyContextCustomizer(false)).isNotEqualTo(this.customizer);
	}

	private static boolean isListening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class FailingConfiguration {

		@Bean
		String failing() {
			throw new IllegalStateException("This context fails to start");
		}

	}

}
