package io.hitkey.spring.sample;

import java.util.Map;

import io.hitkey.spring.autoconfigure.HitKeyProperties;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Calls HitKey's userinfo as the signed-in user. The access token comes from the
 * authorized-client manager, which refreshes it first when it has expired.
 *
 * @author HitKey
 */
@Component
class HitKeyUserinfoClient {

	private final RestClient restClient;

	HitKeyUserinfoClient(RestClient.Builder builder, OAuth2AuthorizedClientManager authorizedClientManager,
			OAuth2AuthorizedClientRepository authorizedClientRepository, HitKeyProperties properties) {
		OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(
				authorizedClientManager);
		interceptor.setClientRegistrationIdResolver((request) -> "hitkey");
		interceptor.setAuthorizationFailureHandler(
				OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClientRepository));
		this.restClient = builder.baseUrl(properties.getApiUrl()).requestInterceptor(interceptor).build();
	}

	Map<String, Object> userinfo() {
		return this.restClient.get()
			.uri("/oauth/userinfo")
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, Object>>() {
			});
	}

}
