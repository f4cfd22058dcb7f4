package io.hitkey.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.annotation.ClientRegistrationId;
import org.springframework.security.oauth2.client.web.client.support.OAuth2RestClientHttpServiceGroupConfigurer;
import org.springframework.security.oauth2.client.web.reactive.function.client.support.OAuth2WebClientHttpServiceGroupConfigurer;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.HttpServiceGroup.ClientType;
import org.springframework.web.service.registry.HttpServiceProxyRegistry;
import org.springframework.web.service.registry.ImportHttpServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link HitKeyHttpServiceClientAutoConfiguration}.
 */
class HitKeyHttpServiceClientAutoConfigurationTests {

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HitKeyAutoConfiguration.class,
				HitKeyOAuth2ClientAutoConfiguration.class, HitKeyOAuth2WebSecurityAutoConfiguration.class,
				HitKeyHttpServiceClientAutoConfiguration.class, OAuth2ClientAutoConfiguration.class,
				OAuth2ClientWebSecurityAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class, HttpClientAutoConfiguration.class,
				RestTemplateAutoConfiguration.class))
		.withPropertyValues("hitkey.client-id=my-client", "hitkey.client-secret=my-secret");

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HitKeyAutoConfiguration.class,
				HitKeyOAuth2ClientAutoConfiguration.class, HitKeyReactiveOAuth2ClientAutoConfiguration.class,
				HitKeyReactiveOAuth2WebSecurityAutoConfiguration.class,
				HitKeyHttpServiceClientAutoConfiguration.class, ReactiveOAuth2ClientAutoConfiguration.class,
				ReactiveOAuth2ClientWebSecurityAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class))
		.withPropertyValues("hitkey.client-id=my-client", "hitkey.client-secret=my-secret");

	@Test
	void restClientGroupsCarryTokensOfTheStartersAuthorizedClientManager() {
		this.servlet.withUserConfiguration(RestClientServices.class).run((context) -> {
			assertThat(context).hasSingleBean(OAuth2RestClientHttpServiceGroupConfigurer.class)
				.doesNotHaveBean(OAuth2WebClientHttpServiceGroupConfigurer.class);
			assertThat(context.getBean(OAuth2RestClientHttpServiceGroupConfigurer.class))
				.extracting("interceptor.authorizedClientManager")
				.isSameAs(context.getBean(OAuth2AuthorizedClientManager.class));
		});
	}

	@Test
	void webClientGroupsCarryTokensOfTheStartersAuthorizedClientManager() {
		this.reactive.withUserConfiguration(WebClientServices.class).run((context) -> {
			assertThat(context).hasSingleBean(OAuth2WebClientHttpServiceGroupConfigurer.class)
				.doesNotHaveBean(OAuth2RestClientHttpServiceGroupConfigurer.class);
			assertThat(context.getBean(OAuth2WebClientHttpServiceGroupConfigurer.class))
				.extracting("filter.authorizedClientManager")
				.isSameAs(context.getBean(ReactiveOAuth2AuthorizedClientManager.class));
		});
	}

	@Test
	void restClientConfigurerUsesTheApplicationsAuthorizedClientManager() {
		OAuth2AuthorizedClientManager manager = mock(OAuth2AuthorizedClientManager.class);
		this.servlet.withUserConfiguration(RestClientServices.class)
			.withBean(OAuth2AuthorizedClientManager.class, () -> manager)
			.run((context) -> assertThat(context.getBean(OAuth2RestClientHttpServiceGroupConfigurer.class))
				.extracting("interceptor.authorizedClientManager")
				.isSameAs(manager));
	}

	@Test
	void restClientConfigurerBacksOffWhenTheApplicationDefinesItsOwn() {
		this.servlet.withUserConfiguration(RestClientServices.class, OwnRestClientConfigurer.class)
			.run((context) -> assertThat(context.getBeansOfType(OAuth2RestClientHttpServiceGroupConfigurer.class))
				.containsOnlyKeys("ownConfigurer"));
	}

	@Test
	void webClientConfigurerBacksOffWhenTheApplicationDefinesItsOwn() {
		this.reactive.withUserConfiguration(WebClientServices.class, OwnWebClientConfigurer.class)
			.run((context) -> assertThat(context.getBeansOfType(OAuth2WebClientHttpServiceGroupConfigurer.class))
				.containsOnlyKeys("ownConfigurer"));
	}

	@Test
	void noConfigurerWithoutHttpServices() {
		this.servlet.run((context) -> assertThat(context).hasSingleBean(OAuth2AuthorizedClientManager.class)
			.doesNotHaveBean(OAuth2RestClientHttpServiceGroupConfigurer.class));
		this.reactive.run((context) -> assertThat(context).hasSingleBean(ReactiveOAuth2AuthorizedClientManager.class)
			.doesNotHaveBean(OAuth2WebClientHttpServiceGroupConfigurer.class));
	}

	@Test
	void noConfigurerWhenTheStarterIsOff() {
		this.servlet.withUserConfiguration(RestClientServices.class)
			.withPropertyValues("hitkey.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(OAuth2AuthorizedClientManager.class)
				.doesNotHaveBean(OAuth2RestClientHttpServiceGroupConfigurer.class));
	}

	@Test
	void noConfigurerWithoutHttpServiceGroupSupport() {
		this.servlet.withUserConfiguration(RestClientServices.class)
			.withClassLoader(new FilteredClassLoader(HttpServiceProxyRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(OAuth2RestClientHttpServiceGroupConfigurer.class));
	}

	@Test
	void noRestClientConfigurerWithoutSpringSecuritysSupportForIt() {
		this.servlet.withUserConfiguration(RestClientServices.class)
			.withClassLoader(new FilteredClassLoader(OAuth2RestClientHttpServiceGroupConfigurer.class))
			.run((context) -> assertThat(context).hasSingleBean(OAuth2AuthorizedClientManager.class)
				.doesNotHaveBean(OAuth2RestClientHttpServiceGroupConfigurer.class));
	}

	@Test
	void noWebClientConfigurerWithoutSpringSecuritysSupportForIt() {
		this.reactive.withUserConfiguration(WebClientServices.class)
			.withClassLoader(new FilteredClassLoader(OAuth2WebClientHttpServiceGroupConfigurer.class))
			.run((context) -> assertThat(context).hasSingleBean(ReactiveOAuth2AuthorizedClientManager.class)
				.doesNotHaveBean(OAuth2WebClientHttpServiceGroupConfigurer.class));
	}

	@ClientRegistrationId("hitkey")
	interface Downstream {

		@GetExchange("/greeting")
		String greeting();

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "downstream", types = Downstream.class)
	static class RestClientServices {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "downstream", types = Downstream.class, clientType = ClientType.WEB_CLIENT)
	static class WebClientServices {

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRestClientConfigurer {

		@Bean
		OAuth2RestClientHttpServiceGroupConfigurer ownConfigurer() {
			return OAuth2RestClientHttpServiceGroupConfigurer.from(mock(OAuth2AuthorizedClientManager.class));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnWebClientConfigurer {

		@Bean
		OAuth2WebClientHttpServiceGroupConfigurer ownConfigurer() {
			return OAuth2WebClientHttpServiceGroupConfigurer.from(mock(ReactiveOAuth2AuthorizedClientManager.class));
		}

	}

}
