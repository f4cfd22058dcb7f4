package io.hitkey.spring.benchmarks;

import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * A sign-in's HitKey calls made through an application's own Spring Security beans, called
 * directly: the authorization-code token client, then the user service.
 */
final class SpringHitKeyExchange {

	private final OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokenClient;

	private final OAuth2UserService<OAuth2UserRequest, OAuth2User> userService;

	private final ClientRegistration registration;

	private final String redirectUri;

	private SpringHitKeyExchange(OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokenClient,
			OAuth2UserService<OAuth2UserRequest, OAuth2User> userService, ClientRegistration registration,
			String redirectUri) {
		this.tokenClient = tokenClient;
		this.userService = userService;
		this.registration = registration;
		this.redirectUri = redirectUri;
	}

	/**
	 * The beans the starter's sign-in uses.
	 */
	static SpringHitKeyExchange ofStarter(ApplicationContext context, String redirectUri) {
		return new SpringHitKeyExchange(tokenClient(context), bean(context, OAuth2UserService.class,
				OAuth2UserRequest.class, OAuth2User.class), registration(context), redirectUri);
	}

	/**
	 * The hand-written token client bean, and the user service Spring's sign-in creates
	 * when the application declares none.
	 */
	static SpringHitKeyExchange ofHandWritten(ApplicationContext context, String redirectUri) {
		return new SpringHitKeyExchange(tokenClient(context), new DefaultOAuth2UserService(), registration(context),
				redirectUri);
	}

	void exchange(String code) {
		OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(this.registration.getProviderDetails().getAuthorizationUri())
			.clientId(this.registration.getClientId())
			.redirectUri(this.redirectUri)
			.scopes(this.registration.getScopes())
			.state("benchmark")
			.attributes((attributes) -> attributes.put(PkceParameterNames.CODE_VERIFIER,
					AuthorizationCodes.CODE_VERIFIER))
			.build();
		OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
			.redirectUri(this.redirectUri)
			.state("benchmark")
			.build();
		OAuth2AccessTokenResponse token = this.tokenClient.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(
				this.registration, new OAuth2AuthorizationExchange(request, response)));
		Map<String, Object> additionalParameters = token.getAdditionalParameters();
		OAuth2User user = this.userService
			.loadUser(new OAuth2UserRequest(this.registration, token.getAccessToken(), additionalParameters));
		if (user.getName() == null) {
			throw new IllegalStateException("User without a name");
		}
	}

	private static OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokenClient(
			ApplicationContext context) {
		return bean(context, OAuth2AccessTokenResponseClient.class, OAuth2AuthorizationCodeGrantRequest.class);
	}

	private static ClientRegistration registration(ApplicationContext context) {
		return context.getBean(ClientRegistrationRepository.class).findByRegistrationId("hitkey");
	}

	@SuppressWarnings("unchecked")
	private static <T> T bean(ApplicationContext context, Class<?> type, Class<?>... generics) {
		return (T) context.getBeanProvider(ResolvableType.forClassWithGenerics(type, generics)).getObject();
	}

}
