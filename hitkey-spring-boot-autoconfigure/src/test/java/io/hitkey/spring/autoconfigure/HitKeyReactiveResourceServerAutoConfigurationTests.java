package io.hitkey.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HitKeyReactiveResourceServerAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class HitKeyReactiveResourceServerAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HitKeyAutoConfiguration.class,
				HitKeyReactiveOAuth2ClientAutoConfiguration.class,
				HitKeyReactiveOAuth2WebSecurityAutoConfiguration.class,
				HitKeyReactiveResourceServerAutoConfiguration.class, ReactiveOAuth2ClientAutoConfiguration.class,
				ReactiveOAuth2ClientWebSecurityAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class))
		.withConfiguration(AutoConfigurations.of(BootResourceServerAutoConfigurations.reactive()));

	private final ReactiveWebApplicationContextRunner signIn = this.contextRunner
		.withPropertyValues("hitkey.client-id=my-client", "hitkey.client-secret=my-secret");

	@Test
	void checksBearerTokensAtHitKeyBehindACacheNextToSignIn() {
		this.signIn.run((context) -> {
			assertThat(context.getBean(ReactiveOpaqueTokenIntrospector.class))
				.isInstanceOf(CachingReactiveOpaqueTokenIntrospector.class);
			assertThat(context).hasSingleBean(HitKeyBearerTokenUnavailableWebFilter.class)
				.hasSingleBean(ReactiveClientRegistrationRepository.class);
			assertThat(context.getBeansOfType(SecurityWebFilterChain.class))
				.containsOnlyKeys("hitKeySecurityWebFilterChain");
		});
	}

	@Test
	void withoutClientIdTheApplicationIsAnApiThatSaysSo(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(ReactiveClientRegistrationRepository.class)
				.hasSingleBean(ReactiveOpaqueTokenIntrospector.class);
			assertThat(context.getBeansOfType(SecurityWebFilterChain.class))
				.containsOnlyKeys("hitKeyApiSecurityWebFilterChain");
		});
		assertThat(output).containsOnlyOnce("HitKey sign-in is off (hitkey.client-id is not set)");
	}

	@Test
	void withoutTheResourceServerAMissingClientIdStillFailsStartup() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security.oauth2.server.resource"))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("HitKey property 'hitkey.client-id' is not set"));
	}

}
