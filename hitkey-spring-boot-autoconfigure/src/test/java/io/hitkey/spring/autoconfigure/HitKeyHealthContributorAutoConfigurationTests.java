package io.hitkey.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HitKeyHealthContributorAutoConfiguration}.
 */
class HitKeyHealthContributorAutoConfigurationTests {

	private static final String ENABLED = "management.health.hitkey.enabled=true";

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HitKeyAutoConfiguration.class,
				HitKeyOAuth2ClientAutoConfiguration.class, HitKeyResourceServerAutoConfiguration.class,
				HitKeyHealthContributorAutoConfiguration.class, OAuth2ClientAutoConfiguration.class,
				HttpClientAutoConfiguration.class, RestTemplateAutoConfiguration.class))
		.withPropertyValues("hitkey.client-id=my-client", "hitkey.client-secret=my-secret");

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HitKeyAutoConfiguration.class,
				HitKeyReactiveOAuth2ClientAutoConfiguration.class, HitKeyReactiveResourceServerAutoConfiguration.class,
				HitKeyHealthContributorAutoConfiguration.class))
		.withPropertyValues("hitkey.client-id=my-client", "hitkey.client-secret=my-secret");

	@Test
	void offByDefaultEvenWithHealthIndicatorsOnByDefault() {
		this.servlet.withPropertyValues("management.health.defaults.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("hitkeyHealthIndicator")
				.doesNotHaveBean(HitKeyHealthIndicatorProperties.class));
		this.reactive.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("hitkeyHealthIndicator"));
	}

	@Test
	void onWithThePropertyThroughTheStartersHttpClient() {
		this.servlet.withPropertyValues(ENABLED).run((context) -> {
			assertThat(context).hasSingleBean(HitKeyApiClients.class);
			assertThat(context.getBean("hitkeyHealthIndicator")).isInstanceOf(HitKeyHealthIndicator.class);
			assertThat(context.getBean(HitKeyHealthIndicatorProperties.class).getCacheTime()).hasSeconds(30);
		});
	}

	@Test
	void onWithThePropertyInAnApiOnlyApplication() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HitKeyAutoConfiguration.class,
					HitKeyResourceServerAutoConfiguration.class, HitKeyHealthContributorAutoConfiguration.class,
					SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
			.withPropertyValues(ENABLED)
			.run((context) -> assertThat(context.getBean("hitkeyHealthIndicator"))
				.isInstanceOf(HitKeyHealthIndicator.class));
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HitKeyAutoConfiguration.class,
					HitKeyReactiveResourceServerAutoConfiguration.class,
					HitKeyHealthContributorAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class))
			.withPropertyValues(ENABLED)
			.run((context) -> assertThat(context.getBean("hitkeyHealthIndicator"))
				.isInstanceOf(HitKeyReactiveHealthIndicator.class));
	}

	@Test
	void reactiveOnWithThePropertyThroughTheStartersWebClient() {
		this.reactive.withPropertyValues(ENABLED, "management.health.hitkey.cache-time=5s").run((context) -> {
			assertThat(context).hasSingleBean(HitKeyWebClients.class);
			assertThat(context.getBean("hitkeyHealthIndicator")).isInstanceOf(HitKeyReactiveHealthIndicator.class);
			assertThat(context.getBean(HitKeyHealthIndicatorProperties.class).getCacheTime()).hasSeconds(5);
		});
	}

	@Test
	void absentWithoutActuator() {
		this.servlet.withPropertyValues(ENABLED)
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("hitkeyHealthIndicator"));
		this.reactive.withPropertyValues(ENABLED)
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("hitkeyHealthIndicator"));
	}

	@Test
	void absentWhenTheStarterIsOff() {
		this.servlet.withPropertyValues(ENABLED, "hitkey.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("hitkeyHealthIndicator"));
	}

	@Test
	void backsOffForAnIndicatorOfTheApplicationsOwn() {
		this.servlet.withPropertyValues(ENABLED)
			.withBean("hitkeyHealthIndicator", HealthIndicator.class, () -> () -> Health.unknown().build())
			.run((context) -> assertThat(context.getBean("hitkeyHealthIndicator"))
				.isNotInstanceOf(HitKeyHealthIndicator.class));
	}

}
