package io.hitkey.spring.autoconfigure;

import io.hitkey.spring.HitKeyReactiveOAuth2UserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HitKeyReactiveOAuth2ClientAutoConfiguration} and
 * {@link HitKeyReactiveOAuth2WebSecurityAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class HitKeyReactiveAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HitKeyAutoConfiguration.class,
				HitKeyOAuth2ClientAutoConfiguration.class, HitKeyReactiveOAuth2ClientAutoConfiguration.class,
				HitKeyReactiveOAuth2WebSecurityAutoConfiguration.class, ReactiveOAuth2ClientAutoConfiguration.class,
				ReactiveOAuth2ClientWebSecurityAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class));

	private final ReactiveWebApplicationContextRunner configured = this.contextRunner
		.withPropertyValues("hitkey.client-id=my-client", "hitkey.client-secret=my-secret");

	@Test
	void definesTheSameHitKeyRegistrationAndTheReactiveBeans() {
		this.configured.run((context) -> {
			ClientRegistration hitKey = context.getBean(ReactiveClientRegistrationRepository.class)
				.findByRegistrationId("hitkey")
				.block();
			assertThat(hitKey.getClientId()).isEqualTo("my-client");
			assertThat(hitKey.getScopes()).containsExactly("profile", "email");
			assertThat(hitKey.getProviderDetails().getTokenUri()).isEqualTo("https://api.hitkey.io/oauth/token");
			assertThat(context.getBean(ReactiveOAuth2UserService.class))
				.isInstanceOf(HitKeyReactiveOAuth2UserService.class);
			assertThat(context.getBeanNamesForType(ReactiveOAuth2AccessTokenResponseClient.class))
				.containsExactlyInAnyOrder("hitKeyReactiveAuthorizationCodeTokenResponseClient",
						"hitKeyReactiveRefreshTokenTokenResponseClient");
			assertThat(context).hasSingleBean(ServerOAuth2AuthorizationRequestResolver.class)
				.hasSingleBean(ReactiveOAuth2AuthorizedClientManager.class)
				.doesNotHaveBean(ClientRegistrationRepository.class);
			assertThat(context.getBean(ServerOAuth2AuthorizedClientRepository.class))
				.isInstanceOf(WebSessionAuthorizedClientRepository.class);
			assertThat(context.getBeansOfType(SecurityWebFilterChain.class))
				.containsOnlyKeys("hitKeySecurityWebFilterChain");
		});
	}

	@Test
	void defaultChainBacksOffWhenTheApplicationDefinesItsOwn() {
		this.configured.withUserConfiguration(AppChain.class)
			.run((context) -> assertThat(context.getBeansOfType(SecurityWebFilterChain.class))
				.containsOnlyKeys("appChain"));
	}

	@Test
	void enabledFalseTurnsTheStarterOff() {
		this.contextRunner.withPropertyValues("hitkey.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(HitKeyWebClients.class)
				.doesNotHaveBean("hitKeySecurityWebFilterChain"));
	}

	@Test
	void missingClientIdFailsLikeInAServletApplication() {
		this.contextRunner.withPropertyValues("hitkey.client-secret=x").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("HitKey property 'hitkey.client-id' is not set");
		});
	}

	@Test
	void customCallbackPathWithAnApplicationsOwnChainIsReportedAtStartup(CapturedOutput output) {
		this.configured.withUserConfiguration(AppChain.class)
			.withPropertyValues("hitkey.redirect-uri={baseUrl}/callback")
			.run((context) -> assertThat(output).contains("hitkey.redirect-uri ({baseUrl}/callback) calls back at "
					+ "/callback, but a WebFlux filter chain of the application's own processes callbacks at "
					+ "/login/oauth2/code/{registrationId} unless its oauth2Login().authenticationMatcher(...) "
					+ "matches /callback"));
	}

	@Test
	void customCallbackPathIsNotReportedWhereTheStartersChainFollowsIt(CapturedOutput output) {
		this.configured.withPropertyValues("hitkey.redirect-uri={baseUrl}/callback")
			.run((context) -> assertThat(context).hasBean("hitKeySecurityWebFilterChain"));
		this.configured.withUserConfiguration(AppChain.class)
			.run((context) -> assertThat(context).hasBean("appChain"));
		assertThat(output).doesNotContain("hitkey.redirect-uri (");
	}

	@Configuration(proxyBeanMethods = false)
	static class AppChain {

		@Bean
		SecurityWebFilterChain appChain(ServerHttpSecurity http) {
			http.oauth2Login(Customizer.withDefaults());
			return http.build();
		}

	}

}
