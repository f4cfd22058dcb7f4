package io.hitkey.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.hitkey.spring.HitKeyAuthoritiesMapper;
import io.hitkey.spring.HitKeyReactiveOAuth2UserService;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of HitKey as an OAuth2 client in a reactive web application: the
 * same client registration, JSON token clients and user mapping as in a servlet
 * application, over {@link WebClient}. {@code oauth2Login()} of
 * {@code ServerHttpSecurity} picks these beans up in any filter chain.
 *
 * @author HitKey
 * @since 0.1.0
 */
@AutoConfiguration(before = ReactiveOAuth2ClientAutoConfiguration.class, after = HitKeyAutoConfiguration.class)
@ConditionalOnClass({ Flux.class, WebClient.class, ReactiveClientRegistrationRepository.class })
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnBean(HitKeyProperties.class)
@Conditional(HitKeySignInCondition.class)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
@Import(HitKeyWebClientsConfiguration.class)
public final class HitKeyReactiveOAuth2ClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ReactiveClientRegistrationRepository.class)
	InMemoryReactiveClientRegistrationRepository reactiveClientRegistrationRepository(HitKeyProperties properties,
			OAuth2ClientProperties otherClients) {
		List<ClientRegistration> registrations = new ArrayList<>();
		registrations.add(new HitKeyPropertiesMapper(properties).asClientRegistration());
		registrations.addAll(new OAuth2ClientPropertiesMapper(otherClients).asClientRegistrations().values());
		return new InMemoryReactiveClientRegistrationRepository(registrations);
	}

	@Bean
	static HttpHandlerDecoratorFactory hitKeyAuthorizationCodeLogMasking() {
		return new AuthorizationCodeLogMasking();
	}

	@Bean
	@ConditionalOnMissingBean(name = "hitKeySignInObservationWebFilter")
	SignInObservationWebFilter hitKeySignInObservationWebFilter(HitKeyProperties properties,
			ObjectProvider<ObservationRegistry> observationRegistry) {
		return new SignInObservationWebFilter(HitKeyCallbackPath.of(properties.getRedirectUri()),
				observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> hitKeyReactiveAuthorizationCodeTokenResponseClient(
			HitKeyWebClients clients) {
		return new HitKeyReactiveTokenResponseClient<>(
				clients.configure(new WebClientReactiveAuthorizationCodeTokenResponseClient()));
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> hitKeyReactiveRefreshTokenTokenResponseClient(
			HitKeyWebClients clients, ObjectProvider<ObservationRegistry> observationRegistry) {
		return new ObservedReactiveRefreshTokenResponseClient(
				new HitKeyReactiveTokenResponseClient<>(
						clients.configure(new WebClientReactiveRefreshTokenTokenResponseClient())),
				observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveOAuth2UserService<OAuth2UserRequest, OAuth2User> hitKeyReactiveOAuth2UserService(HitKeyWebClients clients,
			HitKeyAuthoritiesMapper authoritiesMapper) {
		return new HitKeyReactiveOAuth2UserService(clients.webClient(), authoritiesMapper);
	}

	/**
	 * Where the starter makes HitKey's registration from the properties, says so at
	 * startup.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(ReactiveClientRegistrationRepository.class)
	static class StartupLogConfiguration {

		@Bean
		HitKeyStartupLog hitKeyStartupLog(HitKeyProperties properties) {
			return HitKeyStartupLog.signIn(properties);
		}

	}

}
