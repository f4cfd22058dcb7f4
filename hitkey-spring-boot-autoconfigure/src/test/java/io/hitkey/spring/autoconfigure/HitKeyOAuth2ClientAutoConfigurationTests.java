package io.hitkey.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.hitkey.spring.HitKeyAuthoritiesMapper;
import io.hitkey.spring.HitKeyOAuth2UserService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.AuthenticatedPrincipalOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthenticationMethod;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link HitKeyOAuth2ClientAutoConfiguration}.
 */
class HitKeyOAuth2ClientAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HitKeyAutoConfiguration.class,
				HitKeyOAuth2ClientAutoConfiguration.class, HitKeyOAuth2WebSecurityAutoConfiguration.class,
				OAuth2ClientAutoConfiguration.class, OAuth2ClientWebSecurityAutoConfiguration.class,
				SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
				HttpClientAutoConfiguration.class, RestTemplateAutoConfiguration.class));

	private final WebApplicationContextRunner configured = this.contextRunner
		.withPropertyValues("hitkey.client-id=my-client", "hitkey.client-secret=my-secret");

	@Test
	void registersHitKeyWithItsDefaults() {
		this.configured.run((context) -> {
			ClientRegistration hitKey = context.getBean(ClientRegistrationRepository.class)
				.findByRegistrationId("hitkey");
			assertThat(hitKey.getClientId()).isEqualTo("my-client");
			assertThat(hitKey.getClientSecret()).isEqualTo("my-secret");
			assertThat(hitKey.getClientName()).isEqualTo("HitKey");
			assertThat(hitKey.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_POST);
			assertThat(hitKey.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.AUTHORIZATION_CODE);
			assertThat(hitKey.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
			assertThat(hitKey.getScopes()).containsExactly("profile", "email");
			assertThat(hitKey.getClientSettings().isRequireProofKey()).isTrue();
			ClientRegistration.ProviderDetails provider = hitKey.getProviderDetails();
			assertThat(provider.getAuthorizationUri()).isEqualTo("https://hitkey.io/");
			assertThat(provider.getTokenUri()).isEqualTo("https://api.hitkey.io/oauth/token");
			assertThat(provider.getUserInfoEndpoint().getUri()).isEqualTo("https://api.hitkey.io/oauth/userinfo");
			assertThat(provider.getUserInfoEndpoint().getAuthenticationMethod()).isEqualTo(AuthenticationMethod.HEADER);
			assertThat(provider.getUserInfoEndpoint().getUserNameAttributeName()).isEqualTo("sub");
			assertThat(provider.getJwkSetUri()).isNull();
			assertThat(provider.getIssuerUri()).isNull();
			HitKeyProperties properties = context.getBean(HitKeyProperties.class);
			assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
			assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofSeconds(5));
		});
	}

	@Test
	void everyPropertyCanBeOverridden() {
		this.configured
			.withPropertyValues("hitkey.auth-url=http://localhost:9000/hitkey/", "hitkey.api-url=http://localhost:9001/",
					"hitkey.scopes=email,openid,project:read", "hitkey.pkce=false",
					"hitkey.redirect-uri=https://app.example.com/login/oauth2/code/hitkey",
					"hitkey.connect-timeout=250ms", "hitkey.read-timeout=2s")
			.run((context) -> {
				ClientRegistration hitKey = context.getBean(ClientRegistrationRepository.class)
					.findByRegistrationId("hitkey");
				assertThat(hitKey.getProviderDetails().getAuthorizationUri()).isEqualTo("http://localhost:9000/hitkey/");
				assertThat(hitKey.getProviderDetails().getTokenUri()).isEqualTo("http://localhost:9001/oauth/token");
				assertThat(hitKey.getProviderDetails().getUserInfoEndpoint().getUri())
					.isEqualTo("http://localhost:9001/oauth/userinfo");
				assertThat(hitKey.getScopes()).containsExactly("email", "project:read");
				assertThat(hitKey.getClientSettings().isRequireProofKey()).isFalse();
				assertThat(hitKey.getRedirectUri()).isEqualTo("https://app.example.com/login/oauth2/code/hitkey");
				HitKeyProperties properties = context.getBean(HitKeyProperties.class);
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofMillis(250));
				assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofSeconds(2));
			});
	}

	@Test
	void credentialsAreReadFromHitKeyEnvironmentVariables() {
		this.contextRunner.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("HITKEY_CLIENT_ID", "env-client", "HITKEY_CLIENT_SECRET", "env-secret", "HITKEY_API_URL",
							"http://localhost:9001"))))
			.run((context) -> {
				ClientRegistration hitKey = context.getBean(ClientRegistrationRepository.class)
					.findByRegistrationId("hitkey");
				assertThat(hitKey.getClientId()).isEqualTo("env-client");
				assertThat(hitKey.getClientSecret()).isEqualTo("env-secret");
				assertThat(hitKey.getProviderDetails().getTokenUri()).isEqualTo("http://localhost:9001/oauth/token");
			});
	}

	@Test
	void startsWithoutCallingHitKey() {
		this.configured.withPropertyValues("hitkey.auth-url=http://127.0.0.1:1", "hitkey.api-url=http://127.0.0.1:1")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ClientRegistrationRepository.class)
				.hasSingleBean(OAuth2AuthorizedClientManager.class));
	}

	@Test
	void keepsRegistrationsConfiguredWithSpringBootProperties() {
		this.configured
			.withPropertyValues("spring.security.oauth2.client.registration.github.client-id=gh-client",
					"spring.security.oauth2.client.registration.github.client-secret=gh-secret")
			.run((context) -> {
				ClientRegistrationRepository repository = context.getBean(ClientRegistrationRepository.class);
				assertThat(repository.findByRegistrationId("hitkey")).isNotNull();
				assertThat(repository.findByRegistrationId("github").getClientId()).isEqualTo("gh-client");
			});
	}

	@Test
	void definesTheClientBeansThatOAuth2LoginPicksUp() {
		this.configured.run((context) -> {
			assertThat(context).hasSingleBean(HitKeyApiClients.class).hasSingleBean(HitKeyAuthoritiesMapper.class);
			assertThat(context.getBean(OAuth2UserService.class)).isInstanceOf(HitKeyOAuth2UserService.class);
			assertThat(context.getBeanNamesForType(OAuth2AccessTokenResponseClient.class))
				.containsExactlyInAnyOrder("hitKeyAuthorizationCodeTokenResponseClient",
						"hitKeyRefreshTokenTokenResponseClient");
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnClientRegistrationRepository() {
		ClientRegistration other = ClientRegistration.withRegistrationId("other")
			.clientId("other")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/other")
			.authorizationUri("https://auth.example.com/authorize")
			.tokenUri("https://auth.example.com/token")
			.build();
		this.contextRunner
			.withBean(ClientRegistrationRepository.class, () -> new InMemoryClientRegistrationRepository(other))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ClientRegistrationRepository repository = context.getBean(ClientRegistrationRepository.class);
				assertThat(repository.findByRegistrationId("hitkey")).isNull();
				assertThat(repository.findByRegistrationId("other")).isNotNull();
			});
	}

	@Test
	void everyBeanCanBeReplaced() {
		HitKeyAuthoritiesMapper mapper = (user) -> List.of(new SimpleGrantedAuthority("ROLE_CUSTOM"));
		OAuth2UserService<?, ?> userService = mock(OAuth2UserService.class);
		RestClientAuthorizationCodeTokenResponseClient codeClient = new RestClientAuthorizationCodeTokenResponseClient();
		OAuth2AuthorizedClientManager manager = mock(OAuth2AuthorizedClientManager.class);
		OAuth2AuthorizationRequestResolver resolver = mock(OAuth2AuthorizationRequestResolver.class);
		this.configured.withBean(HitKeyAuthoritiesMapper.class, () -> mapper)
			.withBean("userService", OAuth2UserService.class, () -> userService)
			.withBean("codeClient", RestClientAuthorizationCodeTokenResponseClient.class, () -> codeClient)
			.withBean(OAuth2AuthorizedClientManager.class, () -> manager)
			.withBean(OAuth2AuthorizationRequestResolver.class, () -> resolver)
			.withBean(OAuth2AuthorizedClientRepository.class,
					() -> new AuthenticatedPrincipalOAuth2AuthorizedClientRepository(mock()))
			.run((context) -> {
				assertThat(context.getBean(HitKeyAuthoritiesMapper.class)).isSameAs(mapper);
				assertThat(context.getBean(OAuth2UserService.class)).isSameAs(userService);
				assertThat(context.getBean(OAuth2AuthorizedClientManager.class)).isSameAs(manager);
				assertThat(context.getBean(OAuth2AuthorizationRequestResolver.class)).isSameAs(resolver);
				assertThat(context.getBean(OAuth2AuthorizedClientRepository.class))
					.isInstanceOf(AuthenticatedPrincipalOAuth2AuthorizedClientRepository.class);
				assertThat(context.getBeanNamesForType(OAuth2AccessTokenResponseClient.class))
					.containsExactlyInAnyOrder("codeClient", "hitKeyRefreshTokenTokenResponseClient");
			});
	}

	@Test
	void enabledFalseTurnsTheStarterOff() {
		this.configured.withPropertyValues("hitkey.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(HitKeyProperties.class)
				.doesNotHaveBean(ClientRegistrationRepository.class)
				.doesNotHaveBean(HitKeyApiClients.class)
				.doesNotHaveBean(HitKeyAuthoritiesMapper.class)
				.doesNotHaveBean("hitKeySecurityFilterChain");
		});
	}

	@Test
	void enabledFalseNeedsNoCredentials() {
		this.contextRunner.withPropertyValues("hitkey.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ClientRegistrationRepository.class));
	}

	@Test
	void servletBeansAreNotDefinedOutsideAServletWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HitKeyAutoConfiguration.class,
					HitKeyOAuth2ClientAutoConfiguration.class, HitKeyOAuth2WebSecurityAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(HitKeyProperties.class)
				.doesNotHaveBean(ClientRegistrationRepository.class)
				.doesNotHaveBean(OAuth2AccessTokenResponseClient.class));
	}

}
