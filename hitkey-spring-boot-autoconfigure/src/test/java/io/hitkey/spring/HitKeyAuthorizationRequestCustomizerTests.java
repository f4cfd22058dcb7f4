package io.hitkey.spring;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HitKeyAuthorizationRequestCustomizer}.
 */
class HitKeyAuthorizationRequestCustomizerTests {

	private final DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
			new InMemoryClientRegistrationRepository(registration("hitkey", "profile", "email"),
					registration("other", "read")),
			"/oauth2/authorization");

	HitKeyAuthorizationRequestCustomizerTests() {
		this.resolver.setAuthorizationRequestCustomizer(new HitKeyAuthorizationRequestCustomizer());
	}

	@Test
	void sendsOpenidToHitKeyButKeepsItOutOfTheStoredRequest() {
		OAuth2AuthorizationRequest request = resolve("hitkey");

		assertThat(scopeParameter(request)).isEqualTo("openid%20profile%20email");
		assertThat(request.getScopes()).containsExactly("profile", "email");
		assertThat(request.getAuthorizationRequestUri()).doesNotContain("nonce");
	}

	@Test
	void sendsOpenidAloneWhenNoOtherScopeIsConfigured() {
		DefaultOAuth2AuthorizationRequestResolver openidOnly = new DefaultOAuth2AuthorizationRequestResolver(
				new InMemoryClientRegistrationRepository(registration("hitkey")), "/oauth2/authorization");
		openidOnly.setAuthorizationRequestCustomizer(new HitKeyAuthorizationRequestCustomizer());
		MockHttpServletRequest servletRequest = new MockHttpServletRequest("GET", "/oauth2/authorization/hitkey");
		servletRequest.setServletPath("/oauth2/authorization/hitkey");

		assertThat(scopeParameter(openidOnly.resolve(servletRequest))).isEqualTo("openid");
	}

	@Test
	void leavesOtherRegistrationsAlone() {
		OAuth2AuthorizationRequest request = resolve("other");

		assertThat(scopeParameter(request)).isEqualTo("read");
		assertThat(request.getAuthorizationRequestUri()).doesNotContain("openid");
	}

	private static String scopeParameter(OAuth2AuthorizationRequest request) {
		return UriComponentsBuilder.fromUriString(request.getAuthorizationRequestUri())
			.build()
			.getQueryParams()
			.getFirst("scope");
	}

	private OAuth2AuthorizationRequest resolve(String registrationId) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorization/" + registrationId);
		request.setServletPath("/oauth2/authorization/" + registrationId);
		return this.resolver.resolve(request);
	}

	private static ClientRegistration registration(String id, String... scopes) {
		return ClientRegistration.withRegistrationId(id)
			.clientId(id + "-client")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope(scopes)
			.authorizationUri("https://" + id + ".example.com/")
			.tokenUri("https://" + id + ".example.com/token")
			.build();
	}

}
