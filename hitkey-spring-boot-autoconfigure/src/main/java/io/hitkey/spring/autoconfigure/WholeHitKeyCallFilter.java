package io.hitkey.spring.autoconfigure;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClientException;

/**
 * Bounds a whole call to HitKey, as {@code LimitedResponseBodyInterceptor} does on the
 * servlet side: the answer, body included, must arrive within the connect and read
 * timeouts together, and its body must not exceed {@value HitKeyApiCalls#MAX_ANSWER_BYTES} bytes.
 * Reactor Netty's response timeout applies to each read only, so a HitKey that trickles
 * its answer would otherwise hold a sign-in for as long as it likes. Both failures are a
 * {@link WebClientException}, which the token clients and the user service report as an
 * unreachable HitKey.
 *
 * @author HitKey
 */
final class WholeHitKeyCallFilter implements ExchangeFilterFunction {

	private final Duration maxDuration;

	WholeHitKeyCallFilter(Duration maxDuration) {
		this.maxDuration = maxDuration;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return Mono.defer(() -> {
			long deadline = System.nanoTime() + this.maxDuration.toNanos();
			return next.exchange(request)
				.timeout(this.maxDuration, Mono.error(HitKeyCallLimitException::tooSlow))
				.map((response) -> response.mutate().body((body) -> limited(body, deadline)).build());
		});
	}

	private static Flux<DataBuffer> limited(Flux<DataBuffer> body, long deadline) {
		AtomicLong remaining = new AtomicLong(HitKeyApiCalls.MAX_ANSWER_BYTES);
		return body.timeout(untilDeadline(deadline), (buffer) -> untilDeadline(deadline))
			.onErrorMap(TimeoutException.class, (ex) -> HitKeyCallLimitException.tooSlow())
			.handle((buffer, sink) -> {
				if (remaining.addAndGet(-buffer.readableByteCount()) < 0) {
					DataBufferUtils.release(buffer);
					sink.error(new HitKeyCallLimitException(HitKeyApiCalls.TOO_LARGE));
					return;
				}
				sink.next(buffer);
			});
	}

	private static Mono<Long> untilDeadline(long deadline) {
		return Mono.delay(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
	}

	/**
	 * A HitKey answer that took too long or was too large.
	 */
	static final class HitKeyCallLimitException extends WebClientException {

		HitKeyCallLimitException(String message) {
			super(message);
		}

		static HitKeyCallLimitException tooSlow() {
			return new HitKeyCallLimitException("HitKey's answer took longer than its timeouts allow");
		}

	}

}
