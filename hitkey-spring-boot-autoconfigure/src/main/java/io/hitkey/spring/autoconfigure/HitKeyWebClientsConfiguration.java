package io.hitkey.spring.autoconfigure;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The HTTP client for HitKey's API in a reactive application, shared by sign-in and by
 * Bearer token checks.
 *
 * @author HitKey
 */
@Configuration(proxyBeanMethods = false)
class HitKeyWebClientsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HitKeyWebClients hitKeyWebClients(ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> settings, ObjectProvider<ObservationRegistry> observationRegistry,
			HitKeyProperties properties) {
		// Without Spring Boot's WebClient support (spring-boot-webclient), HitKey's calls
		// are still observed.
		return new HitKeyWebClients(webClientBuilder.getIfAvailable(() -> WebClient.builder()
			.observationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP))),
				connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect),
				settings.getIfAvailable(HttpClientSettings::defaults), properties);
	}

}
