package io.hitkey.spring.autoconfigure;

import java.util.List;


import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.AbstractWebClientReactiveOAuth2AccessTokenResponseClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The one HTTP client for HitKey's API in a reactive application, for the token clients
 * and the user service alike. It is a copy of the application's {@link WebClient.Builder}
 * with its transport: the {@link ClientHttpConnectorBuilder} and
 * {@link HttpClientSettings} (HTTP library, proxy, SSL bundle) and its observation, with
 * the HitKey timeouts, no redirects and HitKey's JSON token requests. The application's
 * filters, default headers and cookies are left out: these calls carry the client
 * secret, codes and tokens, which must not reach an application's logging filter or
 * gain its credentials. The application's builder itself is left as it was.
 * <p>
 * HitKey's calls through it pass their URL as a string, which {@link WebClient} observes
 * as the call's URI template: {@code http.client.requests} tags each with the path of
 * HitKey's endpoint, as {@link HitKeyClientRequestObservationConvention} does on the
 * servlet side. A call made with a {@link java.net.URI} would be tagged {@code uri=none}.
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
		this.webClient = builder.clone()
			.filters(List::clear)
			.defaultHeaders(HttpHeaders::clear)
			.defaultCookies(MultiValueMap::clear)
			.filter(new WholeHitKeyCallFilter(HitKeyApiCalls.maxDuration(properties)))
			.clientConnector(connectorBuilder.build(hitKeySettings))
			.codecs((codecs) -> {
				// The application may log request details; HitKey's requests carry secrets.
				codecs.defaultCodecs().enableLoggingRequestDetails(false);
				codecs.customCodecs().register(new JsonTokenRequestWriter());
			})
			.build();
	}

	WebClient webClient() {
		return this.webClient;
	}

	/**
	 * Make the given token client send HitKey's JSON token requests through this HTTP
	 * client and read HitKey's answers.
	 */
	<T extends AbstractOAuth2AuthorizationGrantRequest,
			C extends AbstractWebClientReactiveOAuth2AccessTokenResponseClient<T>> C configure(
			C tokenResponseClient) {
		tokenResponseClient.setWebClient(this.webClient);
		tokenResponseClient.setHeadersConverter(new HitKeyTokenRequestHeadersConverter<>());
		tokenResponseClient.setBodyExtractor(new HitKeyTokenResponseBodyExtractor());
		return tokenResponseClient;
	}

}
