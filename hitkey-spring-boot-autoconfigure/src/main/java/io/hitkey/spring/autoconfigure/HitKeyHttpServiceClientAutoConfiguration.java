package io.hitkey.spring.autoconfigure;

import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.support.OAuth2RestClientHttpServiceGroupConfigurer;
import org.springframework.security.oauth2.client.web.reactive.function.client.support.OAuth2WebClientHttpServiceGroupConfigurer;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.HttpServiceProxyRegistry;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of HTTP service clients that call other services as the signed-in
 * user: an interface annotated with {@code @ClientRegistrationId("hitkey")} and
 * registered with {@code @ImportHttpServices} sends the user's HitKey access token,
 * refreshed on the way when expired by the application's
 * {@link OAuth2AuthorizedClientManager} ({@code RestClient} groups) or
 * {@link ReactiveOAuth2AuthorizedClientManager} ({@code WebClient} groups). Spring
 * Framework applies every group configurer bean to the groups of its client type, next
 * to Spring Boot's, which take the base URL from
 * {@code spring.http.serviceclient.<group>.base-url}.
 *
 * @author HitKey
 * @since 0.1.0
 */
@AutoConfiguration(
		after = { HitKeyOAuth2WebSecurityAutoConfiguration.class, HitKeyReactiveOAuth2WebSecurityAutoConfiguration.class })
@ConditionalOnClass(HttpServiceProxyRegistry.class)
@ConditionalOnBean({ HitKeyProperties.class, HttpServiceProxyRegistry.class })
public final class HitKeyHttpServiceClientAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RestClientHttpServiceGroupConfigurer.class, OAuth2RestClientHttpServiceGroupConfigurer.class })
	@ConditionalOnBean(OAuth2AuthorizedClientManager.class)
	static class RestClientGroupsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OAuth2RestClientHttpServiceGroupConfigurer hitKeyRestClientHttpServiceGroupConfigurer(
				OAuth2AuthorizedClientManager authorizedClientManager) {
			return OAuth2RestClientHttpServiceGroupConfigurer.from(authorizedClientManager);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Mono.class, WebClientHttpServiceGroupConfigurer.class,
			OAuth2WebClientHttpServiceGroupConfigurer.class })
	@ConditionalOnBean(ReactiveOAuth2AuthorizedClientManager.class)
	static class WebClientGroupsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OAuth2WebClientHttpServiceGroupConfigurer hitKeyWebClientHttpServiceGroupConfigurer(
				ReactiveOAuth2AuthorizedClientManager authorizedClientManager) {
			return OAuth2WebClientHttpServiceGroupConfigurer.from(authorizedClientManager);
		}

	}

}
