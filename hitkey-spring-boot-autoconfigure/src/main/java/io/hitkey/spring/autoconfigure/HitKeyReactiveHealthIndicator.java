package io.hitkey.spring.autoconfigure;

import java.util.concurrent.CompletableFuture;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The {@code hitkey} health indicator of a reactive application: {@link HitKeyHealth}
 * through the starter's {@link WebClient} for HitKey's API.
 *
 * @author HitKey
 */
final class HitKeyReactiveHealthIndicator implements ReactiveHealthIndicator {

	private final WebClient webClient;

	private final HitKeyHealth health;

	HitKeyReactiveHealthIndicator(WebClient webClient, HitKeyHealth health) {
		this.webClient = webClient;
		this.health = health;
	}

	@Override
	public Mono<Health> health() {
		// A health request that goes away must not cancel the check others wait for.
		return Mono.defer(() -> Mono.fromFuture(this.health.health(this::call), true));
	}

	private CompletableFuture<HttpStatusCode> call() {
		return this.webClient.get()
			.uri(this.health.uri())
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode()))
			.toFuture();
	}

}
