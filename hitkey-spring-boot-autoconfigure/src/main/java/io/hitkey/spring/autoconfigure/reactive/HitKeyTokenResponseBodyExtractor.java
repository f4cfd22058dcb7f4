package io.hitkey.spring.autoconfigure.reactive;

import io.hitkey.spring.autoconfigure.HitKeyErrors;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.web.reactive.function.OAuth2BodyExtractors;
import org.springframework.web.reactive.function.BodyExtractor;

/**
 * Reads HitKey's token answers: errors as {@link HitKeyErrors} reads them (HitKey's
 * message as the description), the rest with Spring Security's extractor.
 *
 * @author HitKey
 */
final class HitKeyTokenResponseBodyExtractor
		implements BodyExtractor<Mono<OAuth2AccessTokenResponse>, ReactiveHttpInputMessage> {

	private final BodyExtractor<Mono<OAuth2AccessTokenResponse>, ReactiveHttpInputMessage> delegate = OAuth2BodyExtractors
		.oauth2AccessTokenResponse();

	@Override
	public Mono<OAuth2AccessTokenResponse> extract(ReactiveHttpInputMessage inputMessage, Context context) {
		if (inputMessage instanceof ClientHttpResponse response && response.getStatusCode().isError()) {
			return DataBufferUtils.join(response.getBody(), HitKeyErrors.MAX_BODY_BYTES)
				.map((buffer) -> {
					byte[] bytes = new byte[buffer.readableByteCount()];
					buffer.read(bytes);
					DataBufferUtils.release(buffer);
					return bytes;
				})
				.onErrorReturn(new byte[0])
				.defaultIfEmpty(new byte[0])
				.flatMap((bytes) -> Mono.error(
						new OAuth2AuthorizationException(HitKeyErrors.toError(response.getStatusCode(), bytes))));
		}
		return this.delegate.extract(inputMessage, context);
	}

}
