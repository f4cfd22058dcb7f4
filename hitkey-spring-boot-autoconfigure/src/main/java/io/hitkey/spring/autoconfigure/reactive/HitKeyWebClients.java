package io.hitkey.spring.autoconfigure.reactive;

import io.hitkey.spring.autoconfigure.HitKeyProperties;
import io.hitkey.spring.autoconfigure.HitKeyTokenRequestHeadersConverter;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.AbstractWebClientReactiveOAuth2AccessTokenResponseClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The one HTTP client for HitKey's API in a reactive application, for the token clients
 * and the user service alike: the application's {@link WebClient.Builder} and
 * {@link ClientHttpConnectorBuilder} (proxy, SSL, observation), with the HitKey timeouts
 * and HitKey's JSON token requests.
 *
 * @author HitKey
 */
final class HitKeyWebClients {

	private final WebClient webClient;

	HitKeyWebClients(WebClient.Builder builder, ClientHttpConnectorBuilder<?> connectorBuilder,
			HttpClientSettings settings, HitKeyProperties properties) {
		HttpClientSettings hitKeySettings = settings
			.withTimeouts(properties.getConnectTimeout(), properties.getReadTimeout())
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		this.webClient = builder.clientConnector(connectorBuilder.build(hitKeySettings))
			.codecs((codecs) -> codecs.customCodecs().register(new JsonTokenRequestWriter()))
			.build();
	}

	WebClient webClient() {
		return this.webClient;
	}

	/**
	 * Make the given token client send HitKey's JSON token requests through this HTTP
	 * client and read HitKey's error answers.
	 */
	<T extends AbstractOAuth2AuthorizationGrantRequest, C extends AbstractWebClientReactiveOAuth2AccessTokenResponseClient<T>> C configure(
			C tokenResponseClient) {
		tokenResponseClient.setWebClient(this.webClient);
		tokenResponseClient.setHeadersConverter(new HitKeyTokenRequestHeadersConverter<>());
		tokenResponseClient.setBodyExtractor(new HitKeyTokenResponseBodyExtractor());
		return tokenResponseClient;
	}

}
