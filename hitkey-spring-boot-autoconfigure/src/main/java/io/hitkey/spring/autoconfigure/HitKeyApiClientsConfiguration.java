package io.hitkey.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client for HitKey's API in a servlet application, shared by sign-in and by
 * Bearer token checks.
 *
 * @author HitKey
 */
@Configuration(proxyBeanMethods = false)
class HitKeyApiClientsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HitKeyApiClients hitKeyApiClients(ObjectProvider<RestTemplateBuilder> restTemplateBuilder,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> clientSettings, HitKeyProperties properties) {
		RestTemplateBuilder builder = restTemplateBuilder.getIfAvailable(
				() -> transport(requestFactoryBuilder.getIfAvailable(), clientSettings.getIfAvailable()));
		return new HitKeyApiClients(builder, properties);
	}

	/**
	 * Return a builder with the application's HTTP client settings, for an application
	 * without Boot's {@link RestTemplateBuilder}.
	 */
	private static RestTemplateBuilder transport(@Nullable ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder,
			@Nullable HttpClientSettings clientSettings) {
		RestTemplateBuilder builder = new RestTemplateBuilder();
		if (requestFactoryBuilder != null) {
			builder = builder.requestFactoryBuilder(requestFactoryBuilder);
		}
		return (clientSettings != null) ? builder.clientSettings(clientSettings) : builder;
	}

}
