package io.hitkey.spring.autoconfigure;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;


import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.AbstractRestClientOAuth2AccessTokenResponseClient;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * The one HTTP client for HitKey's API, seen as a {@link RestTemplate} (what Spring
 * Security's user service takes) and as a {@link RestClient} (what its token clients
 * take). Both share one connection pool, the HitKey timeouts and HitKey's error handling.
 * <p>
 * These calls carry the client secret, codes and tokens. They take the application's
 * transport from its {@link RestTemplateBuilder} (HTTP client library, SSL bundle, proxy,
 * observation), but none of its interceptors, default headers or basic authentication:
 * those are meant for the application's own calls, and would add the application's
 * credentials to HitKey's calls or hand HitKey's secrets to the application's code. The
 * builder itself is immutable, so the application's own clients stay as they were.
 * <p>
 * Both are observed with the application's registry and convention, each call named by
 * the path of HitKey's endpoint: see {@link HitKeyClientRequestObservationConvention}.
 * <p>
 * When that is the JDK's {@code HttpClient}, it gets a pooled executor: without one,
 * Spring's request factory starts a thread for the body of every token request.
 *
 * @author HitKey
 */
final class HitKeyApiClients implements DisposableBean {

	private final RestTemplate restTemplate;

	private final RestClient restClient;

	private final ExecutorService executor;

	HitKeyApiClients(RestTemplateBuilder builder, HitKeyProperties properties) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("hitkey-http-");
		threads.setDaemon(true);
		this.executor = Executors.newCachedThreadPool(threads);
		this.restTemplate = withExecutor(builder, this.executor).connectTimeout(properties.getConnectTimeout())
			.readTimeout(properties.getReadTimeout())
			.redirects(HttpRedirects.DONT_FOLLOW)
			.errorHandler(new HitKeyResponseErrorHandler())
			.build();
		// The builder's default headers, basic authentication and request customizers
		// live in an initializer, and its customizers (RestTemplateCustomizer beans) may
		// add interceptors and initializers of their own.
		this.restTemplate.getClientHttpRequestInitializers().clear();
		this.restTemplate.getInterceptors().clear();
		this.restTemplate.getInterceptors()
			.add(new LimitedResponseBodyInterceptor(HitKeyApiCalls.maxDuration(properties), this.executor));
		OAuth2AccessTokenResponseHttpMessageConverter tokenResponses = new OAuth2AccessTokenResponseHttpMessageConverter();
		tokenResponses.setAccessTokenResponseConverter(new HitKeyAccessTokenResponseConverter());
		List<HttpMessageConverter<?>> converters = this.restTemplate.getMessageConverters();
		converters.add(0, new JsonTokenRequestHttpMessageConverter());
		converters.add(1, tokenResponses);
		this.restTemplate.setObservationConvention(
				new HitKeyClientRequestObservationConvention(this.restTemplate.getObservationConvention()));
		this.restClient = RestClient.create(this.restTemplate);
	}

	private static RestTemplateBuilder withExecutor(RestTemplateBuilder builder, ExecutorService executor) {
		ClientHttpRequestFactoryBuilder<?> factory = builder.requestFactoryBuilder();
		if (factory == null) {
			factory = ClientHttpRequestFactoryBuilder.detect();
		}
		return (factory instanceof JdkClientHttpRequestFactoryBuilder jdk)
				? builder.requestFactoryBuilder(jdk.withExecutor(executor)) : builder;
	}

	RestTemplate restTemplate() {
		return this.restTemplate;
	}

	RestClient restClient() {
		return this.restClient;
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	/**
	 * Make the given token client send HitKey's JSON token requests through this HTTP
	 * client.
	 */
	<T extends AbstractOAuth2AuthorizationGrantRequest,
			C extends AbstractRestClientOAuth2AccessTokenResponseClient<T>> C configure(
			C tokenResponseClient) {
		tokenResponseClient.setRestClient(this.restClient);
		tokenResponseClient.setHeadersConverter(new HitKeyTokenRequestHeadersConverter<>());
		tokenResponseClient.setParametersCustomizer(SecretTokenRequestParameters::hide);
		return tokenResponseClient;
	}

}
