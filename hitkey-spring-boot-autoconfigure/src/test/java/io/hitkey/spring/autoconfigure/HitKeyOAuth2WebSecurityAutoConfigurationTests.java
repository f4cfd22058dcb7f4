package io.hitkey.spring.autoconfigure;

import io.hitkey.spring.HitKeyOAuth2UserService;
import io.hitkey.spring.web.HitKeyLoginConfigurer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HitKeyOAuth2WebSecurityAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class HitKeyOAuth2WebSecurityAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HitKeyAutoConfiguration.class,
				HitKeyOAuth2ClientAutoConfiguration.class, HitKeyOAuth2WebSecurityAutoConfiguration.class,
				OAuth2ClientAutoConfiguration.class, OAuth2ClientWebSecurityAutoConfiguration.class,
				SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
				HttpClientAutoConfiguration.class, RestTemplateAutoConfiguration.class))
		.withPropertyValues("hitkey.client-id=my-client", "hitkey.client-secret=my-secret");

	@Test
	void definesTheWebSecurityBeansThatOAuth2LoginPicksUp() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(OAuth2AuthorizationRequestResolver.class)
				.hasSingleBean(OAuth2AuthorizedClientManager.class)
				.hasBean("hitKeyAuthorizationCodeLogMaskingFilter")
				.hasBean("hitKeyUnavailableFilter");
			assertThat(context.getBean(OAuth2AuthorizedClientRepository.class))
				.isInstanceOf(SessionAuthorizedClientRepository.class);
		});
	}

	@Test
	void defaultChainIsHardenedByHitKeyLoginConfigurer() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("hitKeySecurityFilterChain");
			SecurityFilterChain chain = context.getBean(SecurityFilterChain.class);
			assertThat(chain.getFilters()).extracting((filter) -> filter.getClass().getSimpleName())
				.contains("OAuth2AuthorizationRequestRedirectFilter", "OAuth2LoginAuthenticationFilter",
						"HitKeyAuthorizationFailureFilter", "DefaultLoginPageGeneratingFilter", "CsrfFilter",
						"LogoutFilter");
		});
	}

	@Test
	void backsOffWithoutAClientRegistrationRepository() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HitKeyOAuth2WebSecurityAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(OAuth2AuthorizedClientManager.class)
				.doesNotHaveBean(SecurityFilterChain.class));
	}

	@Test
	void defaultChainBacksOffWhenTheApplicationDefinesItsOwn() {
		this.contextRunner.withUserConfiguration(AppChainConfiguration.class).run((context) -> {
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("appSecurityFilterChain");
			assertThat(context).hasSingleBean(HitKeyOAuth2UserService.class);
		});
	}

	@Test
	void enabledFalseTurnsTheWebSecurityBeansOffEvenWithTheApplicationsOwnRegistrations() {
		this.contextRunner.withPropertyValues("hitkey.enabled=false")
			.withUserConfiguration(AppRegistrationsConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ClientRegistrationRepository.class)
				.doesNotHaveBean("hitKeyAuthorizationRequestResolver")
				.doesNotHaveBean("hitKeyAuthorizationCodeLogMaskingFilter")
				.doesNotHaveBean("hitKeySecurityFilterChain"));
	}

	@Test
	void customCallbackPathInAChainWithPlainOAuth2LoginIsReportedAtStartup(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(AppChainConfiguration.class)
			.withPropertyValues("hitkey.redirect-uri={baseUrl}/callback")
			.run((context) -> assertThat(output).contains("hitkey.redirect-uri ({baseUrl}/callback) calls back at "
					+ "/callback, but a filter chain with oauth2Login() processes callbacks at /login/oauth2/code/*")
				.contains("loginProcessingUrl(\"/callback\")"));
	}

	@Test
	void customCallbackPathIsNotReportedWhereHitKeyLoginConfigurerFollowsIt(CapturedOutput output) {
		this.contextRunner.withPropertyValues("hitkey.redirect-uri={baseUrl}/callback")
			.run((context) -> assertThat(context).hasSingleBean(SecurityFilterChain.class));
		this.contextRunner.withUserConfiguration(HitKeyChainConfiguration.class)
			.withPropertyValues("hitkey.redirect-uri=http://localhost:8080/callback")
			.run((context) -> assertThat(context).hasSingleBean(SecurityFilterChain.class));
		this.contextRunner.withUserConfiguration(AppChainConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(SecurityFilterChain.class));
		assertThat(output).doesNotContain("hitkey.redirect-uri (");
	}

	@Configuration(proxyBeanMethods = false)
	static class AppRegistrationsConfiguration {

		@Bean
		ClientRegistrationRepository appClientRegistrationRepository() {
			return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("other")
				.clientId("other-client")
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.tokenUri("https://other.example.com/token")
				.build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HitKeyChainConfiguration {

		@Bean
		SecurityFilterChain appSecurityFilterChain(HttpSecurity http) {
			http.oauth2Login(Customizer.withDefaults());
			http.with(HitKeyLoginConfigurer.hitKey(), Customizer.withDefaults());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AppChainConfiguration {

		@Bean
		SecurityFilterChain appSecurityFilterChain(HttpSecurity http) {
			http.oauth2Login(Customizer.withDefaults());
			return http.build();
		}

	}

}
