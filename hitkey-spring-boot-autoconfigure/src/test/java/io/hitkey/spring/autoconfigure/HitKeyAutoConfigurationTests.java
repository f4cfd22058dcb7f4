package io.hitkey.spring.autoconfigure;

import io.hitkey.spring.HitKeyAuthoritiesMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HitKeyAutoConfiguration}.
 */
class HitKeyAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HitKeyAutoConfiguration.class))
		.withPropertyValues("hitkey.client-secret=s3cr3t-value");

	@Test
	void definesTheStandardAuthoritiesMapper() {
		this.contextRunner.run((context) -> assertThat(context.getBean(HitKeyAuthoritiesMapper.class))
			.isSameAs(HitKeyAuthoritiesMapper.standard()));
	}

	@Test
	void actuatorMasksTheClientSecretUnderItsKeysAndInsideOtherValues() {
		this.contextRunner.run((context) -> {
			SanitizingFunction sanitizer = context.getBean("hitKeyClientSecretSanitizingFunction",
					SanitizingFunction.class);
			assertThat(sanitize(sanitizer, "hitkey.client-secret", "s3cr3t-value")).isEqualTo("******");
			assertThat(sanitize(sanitizer, "HITKEY_CLIENT_SECRET", "s3cr3t-value")).isEqualTo("******");
			assertThat(sanitize(sanitizer, "clientSecret", "s3cr3t-value")).isEqualTo("******");
			assertThat(sanitize(sanitizer, "spring.application.json", "{\"hitkey\":{\"client-secret\":\"s3cr3t-value\"}}"))
				.isEqualTo("******");
			assertThat(sanitize(sanitizer, "sun.java.command", "app.jar --hitkey.client-secret=s3cr3t-value"))
				.isEqualTo("******");
			assertThat(sanitize(sanitizer, "hitkey.client-id", "my-client")).isEqualTo("my-client");
		});
	}

	@Test
	void noSanitizingFunctionWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).doesNotHaveBean("hitKeyClientSecretSanitizingFunction"));
	}

	private static Object sanitize(SanitizingFunction sanitizer, String key, String value) {
		return sanitizer.apply(new SanitizableData(null, key, value)).getValue();
	}

}
