package io.hitkey.spring.autoconfigure;

import java.util.Map;

import reactor.core.publisher.Mono;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.reactive.function.BodyExtractor;

/**
 * Reads HitKey's token answers: errors as {@link HitKeyErrors} reads them (HitKey's
 * message as the description), the rest with the
 * {@link HitKeyAccessTokenResponseConverter} that the servlet side uses too. The body is
 * read here rather than by a JSON decoder, which logs what it decoded (the tokens) at
 * trace level.
 *
 * @author HitKey
 */
final class HitKeyTokenResponseBodyExtractor
		implements BodyExtractor<Mono<OAuth2AccessTokenResponse>, ReactiveHttpInputMessage> {

	private static final String INVALID_TOKEN_RESPONSE = "invalid_token_response";

	private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {
	};

	private final HitKeyAccessTokenResponseConverter converter = new HitKeyAccessTokenResponseConverter();

	@Override
	public Mono<OAuth2AccessTokenResponse> extract(ReactiveHttpInputMessage inputMessage, Context context) {
		if (inputMessage instanceof ClientHttpResponse response && (response.getStatusCode().isError()
				|| response.getStatusCode().is3xxRedirection())) {
			return read(response, HitKeyErrors.MAX_BODY_BYTES).onErrorReturn(new byte[0])
				.flatMap((bytes) -> Mono.error(
						new OAuth2AuthorizationException(HitKeyErrors.toError(response.getStatusCode(), bytes))));
		}
		return read(inputMessage, HitKeyApiCalls.MAX_ANSWER_BYTES).map(this::tokenResponse);
	}

	private OAuth2AccessTokenResponse tokenResponse(byte[] body) {
		try {
			Map<String, Object> parameters = JsonMapper.shared().readValue(body, PARAMETERS);
			if (parameters == null) {
				throw unreadable(null);
			}
			return this.converter.convert(parameters);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw unreadable(ex);
		}
	}

	private static OAuth2AuthorizationException unreadable(@Nullable Exception cause) {
		OAuth2Error error = new OAuth2Error(INVALID_TOKEN_RESPONSE, HitKeyErrors.UNREACHABLE, null);
		return (cause != null) ? new OAuth2AuthorizationException(error, cause) : new OAuth2AuthorizationException(error);
	}

	static Mono<byte[]> read(ReactiveHttpInputMessage message, int maxBytes) {
		return DataBufferUtils.join(message.getBody(), maxBytes).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).defaultIfEmpty(new byte[0]);
	}

}
