package io.hitkey.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;

/**
 * Tests for {@link HitKeyResourceServerAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class HitKeyResourceServerAutoConfigurationTests {

	private static final String API_ONLY = "HitKey sign-in is off (hitkey.client-id is not set): this application is "
			+ "an API that accepts HitKey access tokens as Bearer tokens, checked at "
			+ "https://api.hitkey.io/oauth/userinfo";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HitKeyAutoConfiguration.class,
				HitKeyOAuth2ClientAutoConfiguration.class, HitKeyOAuth2WebSecurityAutoConfiguration.class,
				HitKeyResourceServerAutoConfiguration.class, OAuth2ClientAutoConfiguration.class,
				OAuth2ClientWebSecurityAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class, HttpClientAutoConfiguration.class,
				RestTemplateAutoConfiguration.class))
		.withConfiguration(AutoConfigurations.of(BootResourceServerAutoConfigurations.servlet()));

	private final WebApplicationContextRunner signIn = this.contextRunner
		.withPropertyValues("hitkey.client-id=my-client", "hitkey.client-secret=my-secret");

	@Test
	void checksBearerTokensAtHitKeyBehindACache() {
		this.signIn.run((context) -> {
			assertThat(context).hasSingleBean(OpaqueTokenIntrospector.class)
				.hasBean("hitKeyBearerTokenUnavailableFilter");
			assertThat(context.getBean(OpaqueTokenIntrospector.class))
				.isInstanceOf(CachingOpaqueTokenIntrospector.class);
		});
	}

	@Test
	void defaultChainAcceptsBearerTokensNextToSignIn(CapturedOutput output) {
		this.signIn.run((context) -> {
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("hitKeySecurityFilterChain");
			assertThat(filterNames(context.getBean(SecurityFilterChain.class))).contains(
					"BearerTokenAuthenticationFilter", "OAuth2LoginAuthenticationFilter",
					"HitKeyAuthorizationFailureFilter", "CsrfFilter");
			assertThat(context).hasSingleBean(ClientRegistrationRepository.class);
		});
		assertThat(output).doesNotContain("HitKey sign-in is off");
	}

	@Test
	void withoutClientIdTheApplicationIsAnApiThatSaysSo(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(ClientRegistrationRepository.class)
				.hasSingleBean(OpaqueTokenIntrospector.class);
			assertThat(context.getBeansOfType(SecurityFilterChain.class))
				.containsOnlyKeys("hitKeyApiSecurityFilterChain");
			assertThat(filterNames(context.getBean(SecurityFilterChain.class)))
				.contains("BearerTokenAuthenticationFilter")
				.doesNotContain("OAuth2LoginAuthenticationFilter", "CsrfFilter", "DefaultLoginPageGeneratingFilter");
		});
		assertThat(output).containsOnlyOnce(API_ONLY);
	}

	@Test
	void aClientSecretAloneStillAsksForTheClientId() {
		this.contextRunner.withPropertyValues("hitkey.client-secret=my-secret")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("HitKey property 'hitkey.client-id' is not set"));
	}

	@Test
	void withoutTheResourceServerAMissingClientIdStillFailsStartup() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security.oauth2.server.resource"))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("HitKey property 'hitkey.client-id' is not set"));
	}

	@Test
	void withoutTheResourceServerNothingChanges() {
		this.signIn.withClassLoader(new FilteredClassLoader("org.springframework.security.oauth2.server.resource")).run((context) -> {
			assertThat(context).doesNotHaveBean("hitKeyOpaqueTokenIntrospector")
				.doesNotHaveBean("hitKeyBearerTokenUnavailableFilter");
			assertThat(filterNames(context.getBean(SecurityFilterChain.class)))
				.doesNotContain("BearerTokenAuthenticationFilter");
		});
	}

	@Test
	void backsOffForTheApplicationsOwnIntrospector() {
		this.signIn.withUserConfiguration(OwnIntrospector.class).run((context) -> {
			assertThat(context).hasSingleBean(OpaqueTokenIntrospector.class);
			assertThat(context.getBean(OpaqueTokenIntrospector.class)).isSameAs(OwnIntrospector.INTROSPECTOR);
		});
	}

	@Test
	void theApplicationsOwnChainPicksTheIntrospectorUp() {
		this.contextRunner.withUserConfiguration(OwnChain.class).run((context) -> {
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("ownChain");
			assertThat(filterNames(context.getBean(SecurityFilterChain.class)))
				.contains("BearerTokenAuthenticationFilter");
		});
	}

	@Test
	void aCacheTimeBeyondTheLifeOfAnAccessTokenFailsStartupWithTheProperty() {
		this.signIn.withPropertyValues("hitkey.resource-server.cache.time-to-live=2h")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("hitkey.resource-server.cache.time-to-live"));
	}

	@Test
	void isOffWithTheStarter() {
		this.signIn.withPropertyValues("hitkey.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("hitKeyOpaqueTokenIntrospector"));
	}

	private static java.util.List<String> filterNames(SecurityFilterChain chain) {
		return chain.getFilters().stream().map((filter) -> filter.getClass().getSimpleName()).toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnIntrospector {

		static final OpaqueTokenIntrospector INTROSPECTOR = (token) -> {
			throw new IllegalStateException("not called");
		};

		@Bean
		OpaqueTokenIntrospector ownIntrospector() {
			return INTROSPECTOR;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnChain {

		@Bean
		SecurityFilterChain ownChain(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			http.oauth2ResourceServer((resourceServer) -> resourceServer.opaqueToken(withDefaults()));
			return http.build();
		}

	}

}
