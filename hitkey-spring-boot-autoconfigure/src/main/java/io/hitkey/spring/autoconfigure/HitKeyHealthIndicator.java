package io.hitkey.spring.autoconfigure;

import java.util.concurrent.CompletableFuture;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/**
 * The {@code hitkey} health indicator of a servlet application: {@link HitKeyHealth}
 * through the starter's HTTP client for HitKey's API.
 *
 * @author HitKey
 */
final class HitKeyHealthIndicator implements HealthIndicator {

	private final RestClient restClient;

	private final HitKeyHealth health;

	HitKeyHealthIndicator(RestClient restClient, HitKeyHealth health) {
		this.restClient = restClient;
		this.health = health;
	}

	@Override
	public Health health() {
		return this.health.health(this::call).join();
	}

	private CompletableFuture<HttpStatusCode> call() {
		// exchange(...) leaves HitKey's error handler out: any status is an answer here.
		HttpStatusCode status = this.restClient.get()
			.uri(this.health.uri())
			.exchange((request, response) -> response.getStatusCode());
		return CompletableFuture.completedFuture(status);
	}

}
