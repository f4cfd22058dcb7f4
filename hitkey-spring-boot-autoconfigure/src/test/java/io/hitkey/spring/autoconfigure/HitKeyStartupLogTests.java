package io.hitkey.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HitKeyStartupLog}: one line at startup says where the application
 * signs in, on either stack, without the secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class HitKeyStartupLogTests {

	private static final String SECRET = "s3cr3t-never-logged";

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HitKeyAutoConfiguration.class,
				HitKeyOAuth2ClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
				RestTemplateAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader("org.springframework.security.oauth2.server.resource"));

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HitKeyAutoConfiguration.class,
				HitKeyReactiveOAuth2ClientAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader("org.springframework.security.oauth2.server.resource"));

	@Test
	void servletApplicationSaysOnceWhereItSignsIn(CapturedOutput output) {
		saysOnceWhereItSignsIn(this.servlet, output);
	}

	@Test
	void reactiveApplicationSaysOnceWhereItSignsIn(CapturedOutput output) {
		saysOnceWhereItSignsIn(this.reactive, output);
	}

	@Test
	void servletApplicationLogsDefaultUrlsAndAClientIdSafely(CapturedOutput output) {
		logsDefaultUrlsAndAClientIdSafely(this.servlet, output);
	}

	@Test
	void reactiveApplicationLogsDefaultUrlsAndAClientIdSafely(CapturedOutput output) {
		logsDefaultUrlsAndAClientIdSafely(this.reactive, output);
	}

	@Test
	void servletApplicationWithItsOwnRegistrationsSaysNothing(CapturedOutput output) {
		this.servlet.withBean(ClientRegistrationRepository.class, () -> new InMemoryClientRegistrationRepository(
				new HitKeyPropertiesMapper(signingIn()).asClientRegistration()))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HitKeyStartupLog.class));
		assertThat(output).doesNotContain("Signing in with HitKey");
	}

	@Test
	void reactiveApplicationWithItsOwnRegistrationsSaysNothing(CapturedOutput output) {
		this.reactive
			.withBean(ReactiveClientRegistrationRepository.class,
					() -> new InMemoryReactiveClientRegistrationRepository(
							new HitKeyPropertiesMapper(signingIn()).asClientRegistration()))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HitKeyStartupLog.class));
		assertThat(output).doesNotContain("Signing in with HitKey");
	}

	private static void saysOnceWhereItSignsIn(AbstractApplicationContextRunner<?, ?, ?> runner,
			CapturedOutput output) {
		runner
			.withPropertyValues("hitkey.client-id= my-client ", "hitkey.client-secret=" + SECRET,
					"hitkey.auth-url=https://auth.example.com/", "hitkey.api-url=https://api.example.com:8443/hitkey")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).containsOnlyOnce("Signing in with HitKey at https://auth.example.com "
				+ "(API https://api.example.com:8443/hitkey) as client my-client")
			.doesNotContain(SECRET)
			.doesNotContain("HitKey sign-in is off");
	}

	private static void logsDefaultUrlsAndAClientIdSafely(AbstractApplicationContextRunner<?, ?, ?> runner,
			CapturedOutput output) {
		runner.withPropertyValues("hitkey.client-id=my\nfake line", "hitkey.client-secret=" + SECRET)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output)
			.containsOnlyOnce(
					"Signing in with HitKey at https://hitkey.io (API https://api.hitkey.io) as client my fake line")
			.doesNotContain(SECRET);
	}

	private static HitKeyProperties signingIn() {
		HitKeyProperties properties = new HitKeyProperties();
		properties.setClientId("own-client");
		properties.setClientSecret(SECRET);
		return properties;
	}

}
