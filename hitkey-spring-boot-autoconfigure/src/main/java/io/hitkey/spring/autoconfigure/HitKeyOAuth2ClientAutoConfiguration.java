package io.hitkey.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.hitkey.spring.HitKeyAuthoritiesMapper;
import io.hitkey.spring.HitKeyOAuth2UserService;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of HitKey as an OAuth2 client in a servlet web application: its
 * client registration, its JSON token clients and its user service. Spring Security's
 * {@code oauth2Login()} picks these beans up in any filter chain, the application's own
 * included.
 *
 * @author HitKey
 * @since 0.1.0
 */
@AutoConfiguration(before = OAuth2ClientAutoConfiguration.class,
		after = { HitKeyAutoConfiguration.class, RestTemplateAutoConfiguration.class })
@ConditionalOnClass(ClientRegistration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnBean(HitKeyProperties.class)
@Conditional(HitKeySignInCondition.class)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
@Import(HitKeyApiClientsConfiguration.class)
public final class HitKeyOAuth2ClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ClientRegistrationRepository.class)
	InMemoryClientRegistrationRepository clientRegistrationRepository(HitKeyProperties properties,
			OAuth2ClientProperties otherClients) {
		List<ClientRegistration> registrations = new ArrayList<>();
		registrations.add(new HitKeyPropertiesMapper(properties).asClientRegistration());
		registrations.addAll(new OAuth2ClientPropertiesMapper(otherClients).asClientRegistrations().values());
		return new InMemoryClientRegistrationRepository(registrations);
	}

	@Bean
	@ConditionalOnMissingBean
	OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> hitKeyAuthorizationCodeTokenResponseClient(
			HitKeyApiClients clients) {
		return new HitKeyTokenResponseClient<>(clients.configure(new RestClientAuthorizationCodeTokenResponseClient()));
	}

	@Bean
	@ConditionalOnMissingBean
	OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> hitKeyRefreshTokenTokenResponseClient(
			HitKeyApiClients clients, ObjectProvider<ObservationRegistry> observationRegistry) {
		return new ObservedRefreshTokenResponseClient(
				new HitKeyTokenResponseClient<>(clients.configure(new RestClientRefreshTokenTokenResponseClient())),
				observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	@Bean
	@ConditionalOnMissingBean
	OAuth2UserService<OAuth2UserRequest, OAuth2User> hitKeyOAuth2UserService(HitKeyApiClients clients,
			HitKeyAuthoritiesMapper authoritiesMapper) {
		return new HitKeyOAuth2UserService(clients.restTemplate(), authoritiesMapper);
	}

	/**
	 * Where the starter makes HitKey's registration from the properties, says so at
	 * startup.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(ClientRegistrationRepository.class)
	static class StartupLogConfiguration {

		@Bean
		HitKeyStartupLog hitKeyStartupLog(HitKeyProperties properties) {
			return HitKeyStartupLog.signIn(properties);
		}

	}

}
