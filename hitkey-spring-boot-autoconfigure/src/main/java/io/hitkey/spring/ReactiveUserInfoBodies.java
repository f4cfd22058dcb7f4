package io.hitkey.spring;

import java.util.Map;

import io.hitkey.spring.autoconfigure.HitKeyErrors;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * Reads the body of a userinfo answer over {@code WebClient}, for the reactive user
 * service and the reactive Bearer token introspector alike: at most 256 KB, and JSON
 * claims or a failure described for users.
 *
 * @author HitKey
 */
final class ReactiveUserInfoBodies {

	private static final int MAX_BODY_BYTES = 256 * 1024;

	private static final TypeReference<Map<String, Object>> CLAIMS = new TypeReference<>() {
	};

	private ReactiveUserInfoBodies() {
	}

	/**
	 * Return the bytes of the given answer's body, empty when it has none.
	 */
	static Mono<byte[]> bytes(ClientResponse response) {
		return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), MAX_BODY_BYTES)
			.map((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			})
			.defaultIfEmpty(new byte[0]);
	}

	/**
	 * Return the claims in the given body.
	 * @throws org.springframework.security.oauth2.core.OAuth2AuthenticationException if
	 * it holds no JSON object
	 */
	static Map<String, Object> claims(byte[] body) {
		if (body.length == 0) {
			throw HitKeyUserInfoAnswers.failure(HitKeyUserInfoAnswers.EMPTY, null);
		}
		try {
			Map<String, Object> claims = JsonMapper.shared().readValue(body, CLAIMS);
			if (claims == null) {
				throw HitKeyUserInfoAnswers.failure(HitKeyUserInfoAnswers.EMPTY, null);
			}
			return claims;
		}
		catch (JacksonException ex) {
			throw HitKeyUserInfoAnswers.failure(HitKeyErrors.UNREACHABLE, ex);
		}
	}

}
