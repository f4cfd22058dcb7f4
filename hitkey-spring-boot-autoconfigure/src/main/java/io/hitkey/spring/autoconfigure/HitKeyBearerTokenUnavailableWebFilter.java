package io.hitkey.spring.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The reactive counterpart of {@link HitKeyBearerTokenUnavailableFilter}: answers
 * {@code 503} with {@code Retry-After} when HitKey could not check a Bearer token, in
 * whatever security chain. It runs in front of Spring Security's web filter.
 *
 * @author HitKey
 */
final class HitKeyBearerTokenUnavailableWebFilter implements WebFilter, Ordered {

	/**
	 * Just in front of Spring Security's {@code WebFilterChainProxy}, at {@code -100}.
	 */
	static final int ORDER = -101;

	private static final Log logger = LogFactory.getLog(HitKeyBearerTokenUnavailableWebFilter.class);

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange)
			.onErrorResume((ex) -> HitKeyBearerTokenFailures.isUnavailable(ex) && !exchange.getResponse().isCommitted(),
					(ex) -> {
						logger.warn(HitKeyBearerTokenFailures.unavailableLogLine(ex));
						ServerHttpResponse response = exchange.getResponse();
						response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
						response.getHeaders()
							.set(HttpHeaders.RETRY_AFTER,
									String.valueOf(HitKeyRefreshFailures.RETRY_AFTER.toSeconds()));
						response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
						return response.writeWith(Mono.fromSupplier(
								() -> response.bufferFactory().wrap(HitKeyBearerTokenFailures.UNAVAILABLE_BODY)));
					});
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
