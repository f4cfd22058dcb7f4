package io.hitkey.spring.autoconfigure;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the starter's {@link OAuth2AuthorizedClientManager}: it replaces Spring
 * Security's default one, so the application's other registrations keep every grant
 * that one supports.
 */
class HitKeyAuthorizedClientManagerTests {

	@RegisterExtension
	static WireMockExtension provider = HitKeyStubs.hitKey();

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HitKeyAutoConfiguration.class,
				HitKeyOAuth2ClientAutoConfiguration.class, HitKeyOAuth2WebSecurityAutoConfiguration.class,
				OAuth2ClientAutoConfiguration.class, OAuth2ClientWebSecurityAutoConfiguration.class,
				SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
				HttpClientAutoConfiguration.class, RestTemplateAutoConfiguration.class))
		.withPropertyValues("hitkey.client-id=" + HitKeyStubs.CLIENT_ID,
				"hitkey.client-secret=" + HitKeyStubs.CLIENT_SECRET, "hitkey.api-url=" + provider.baseUrl(),
				"spring.security.oauth2.client.registration.other.client-id=other-client",
				"spring.security.oauth2.client.registration.other.client-secret=other-secret",
				"spring.security.oauth2.client.registration.other.authorization-grant-type=client_credentials",
				"spring.security.oauth2.client.registration.other.scope=reports",
				"spring.security.oauth2.client.provider.other.token-uri=" + provider.baseUrl() + "/other/token");

	@Test
	void anotherRegistrationGetsAClientCredentialsTokenWithAStandardFormRequest() {
		provider.stubFor(post(urlEqualTo("/other/token")).willReturn(okJson("""
				{"access_token":"other-at","token_type":"Bearer","expires_in":300,"scope":"reports"}
				""")));
		this.contextRunner.run((context) -> {
			OAuth2AuthorizedClient client = context.getBean(OAuth2AuthorizedClientManager.class)
				.authorize(clientCredentials());

			assertThat(client).isNotNull();
			assertThat(client.getAccessToken().getTokenValue()).isEqualTo("other-at");
			provider.verify(1, postRequestedFor(urlEqualTo("/other/token"))
				.withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
				.withHeader("Authorization", equalTo("Basic b3RoZXItY2xpZW50Om90aGVyLXNlY3JldA=="))
				.withRequestBody(containing("grant_type=client_credentials"))
				.withRequestBody(containing("scope=reports")));
			provider.verify(0, postRequestedFor(urlEqualTo("/oauth/token")));
		});
	}

	@Test
	void theApplicationsOwnProvidersAndManagerCustomizerApplyAsInSpringSecuritysManager() {
		this.contextRunner.withUserConfiguration(CustomGrant.class)
			.withPropertyValues(
					"spring.security.oauth2.client.registration.other.authorization-grant-type=" + CustomGrant.GRANT)
			.run((context) -> {
				OAuth2AuthorizedClient client = context.getBean(OAuth2AuthorizedClientManager.class)
					.authorize(clientCredentials());

				assertThat(client.getAccessToken().getTokenValue()).isEqualTo("custom-at");
				assertThat(context.getBean(CustomGrant.class).authorized).containsExactly("other");
				provider.verify(0, postRequestedFor(urlEqualTo("/other/token")));
			});
	}

	private static OAuth2AuthorizeRequest clientCredentials() {
		return OAuth2AuthorizeRequest.withClientRegistrationId("other")
			.principal(new TestingAuthenticationToken("app", null))
			.attribute(HttpServletRequest.class.getName(), new MockHttpServletRequest())
			.attribute(HttpServletResponse.class.getName(), new MockHttpServletResponse())
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomGrant {

		static final String GRANT = "urn:example:custom";

		final List<String> authorized = new CopyOnWriteArrayList<>();

		@Bean
		OAuth2AuthorizedClientProvider customGrant() {
			return (context) -> {
				ClientRegistration registration = context.getClientRegistration();
				if (!GRANT.equals(registration.getAuthorizationGrantType().getValue())) {
					return null;
				}
				Instant now = Instant.now();
				return new OAuth2AuthorizedClient(registration, context.getPrincipal().getName(),
						new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "custom-at", now,
								now.plusSeconds(60)));
			};
		}

		@Bean
		Consumer<DefaultOAuth2AuthorizedClientManager> managerCustomizer() {
			return (manager) -> manager.setAuthorizationSuccessHandler((client, principal, attributes) -> this.authorized
				.add(client.getClientRegistration().getRegistrationId()));
		}

	}

}
