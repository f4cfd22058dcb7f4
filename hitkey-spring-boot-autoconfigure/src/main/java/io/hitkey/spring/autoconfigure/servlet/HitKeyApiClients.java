package io.hitkey.spring.autoconfigure.servlet;

import java.util.List;

import io.hitkey.spring.autoconfigure.HitKeyProperties;
import io.hitkey.spring.autoconfigure.HitKeyTokenRequestHeadersConverter;

import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.AbstractRestClientOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * The one HTTP client for HitKey's API, seen as a {@link RestTemplate} (what Spring
 * Security's user service takes) and as a {@link RestClient} (what its token clients
 * take). Both share one connection pool, the HitKey timeouts, HitKey's error handling,
 * and whatever the application's {@link RestTemplateBuilder} brings (proxy, SSL,
 * observation).
 *
 * @author HitKey
 */
final class HitKeyApiClients {

	private final RestTemplate restTemplate;

	private final RestClient restClient;

	HitKeyApiClients(RestTemplateBuilder builder, HitKeyProperties properties) {
		this.restTemplate = builder.connectTimeout(properties.getConnectTimeout())
			.readTimeout(properties.getReadTimeout())
			.redirects(HttpRedirects.DONT_FOLLOW)
			.errorHandler(new HitKeyResponseErrorHandler())
			.build();
		this.restTemplate.getInterceptors()
			.add(new LimitedResponseBodyInterceptor(properties.getConnectTimeout().plus(properties.getReadTimeout())));
		OAuth2AccessTokenResponseHttpMessageConverter tokenResponses = new OAuth2AccessTokenResponseHttpMessageConverter();
		tokenResponses.setAccessTokenResponseConverter(new HitKeyAccessTokenResponseConverter());
		List<HttpMessageConverter<?>> converters = this.restTemplate.getMessageConverters();
		converters.add(0, new JsonTokenRequestHttpMessageConverter());
		converters.add(1, tokenResponses);
		this.restClient = RestClient.create(this.restTemplate);
	}

	RestTemplate restTemplate() {
		return this.restTemplate;
	}

	/**
	 * Make the given token client send HitKey's JSON token requests through this HTTP
	 * client.
	 */
	<T extends AbstractOAuth2AuthorizationGrantRequest, C extends AbstractRestClientOAuth2AccessTokenResponseClient<T>> C configure(
			C tokenResponseClient) {
		tokenResponseClient.setRestClient(this.restClient);
		tokenResponseClient.setHeadersConverter(new HitKeyTokenRequestHeadersConverter<>());
		tokenResponseClient.setParametersCustomizer(SecretTokenRequestParameters::hide);
		return tokenResponseClient;
	}

}
