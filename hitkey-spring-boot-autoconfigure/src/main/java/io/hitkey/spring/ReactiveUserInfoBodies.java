package io.hitkey.spring;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * Reads the body of a userinfo answer over {@code WebClient}, for the reactive user
 * service and the reactive Bearer token introspector alike: at most 256 KB.
 *
 * @author HitKey
 */
final class ReactiveUserInfoBodies {

	private static final int MAX_BODY_BYTES = 256 * 1024;

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

}
