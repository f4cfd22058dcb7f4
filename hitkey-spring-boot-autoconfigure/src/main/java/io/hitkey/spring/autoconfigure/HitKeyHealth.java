package io.hitkey.spring.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatusCode;

/**
 * HitKey's health as its {@code GET /health} tells it, on either stack: {@code UP} for a
 * {@code 2xx} answer, {@code DOWN} for any other answer or none, with the API URL and the
 * error. An answer is reused for the cache time, and while HitKey is being asked, every
 * other check waits for that answer instead of asking again: the health endpoint may be
 * polled often, by many clients, and most often when HitKey is slow.
 * <p>
 * The call carries no credentials, and the error holds only the status or the class and
 * message of the failure's cause, made safe to show.
 *
 * @author HitKey
 */
final class HitKeyHealth {

	private static final String PATH = "/health";

	private final String apiUrl;

	private final Duration cacheTime;

	private final Clock clock;

	private final Lock lock = new ReentrantLock();

	private @Nullable CompletableFuture<Health> check;

	private Instant freshUntil = Instant.MIN;

	HitKeyHealth(String apiUrl, Duration cacheTime, Clock clock) {
		this.apiUrl = apiUrl;
		this.cacheTime = cacheTime;
		this.clock = clock;
	}

	/**
	 * Return the address of HitKey's health endpoint.
	 */
	String uri() {
		return this.apiUrl + PATH;
	}

	/**
	 * Return HitKey's health: the cached one, the one being checked, or the one the
	 * given call to HitKey's health endpoint answers with its status. The call is made
	 * on the calling thread, outside any lock.
	 */
	CompletableFuture<Health> health(Supplier<CompletableFuture<HttpStatusCode>> call) {
		CompletableFuture<Health> started = new CompletableFuture<>();
		this.lock.lock();
		try {
			CompletableFuture<Health> current = this.check;
			if (current != null && (!current.isDone() || this.clock.instant().isBefore(this.freshUntil))) {
				return current;
			}
			this.check = started;
		}
		finally {
			this.lock.unlock();
		}
		CompletableFuture<HttpStatusCode> answer;
		try {
			answer = call.get();
		}
		catch (RuntimeException | Error ex) {
			answer = CompletableFuture.failedFuture(ex);
		}
		answer.whenComplete((status, failure) -> {
			Health health = (failure != null) ? down(failure) : of(status);
			this.lock.lock();
			try {
				this.freshUntil = this.clock.instant().plus(this.cacheTime);
			}
			finally {
				this.lock.unlock();
			}
			started.complete(health);
		});
		return started;
	}

	private Health of(HttpStatusCode status) {
		if (status.is2xxSuccessful()) {
			return Health.up().withDetail("apiUrl", this.apiUrl).build();
		}
		return Health.down().withDetail("apiUrl", this.apiUrl).withDetail("error",
				"HitKey answered HTTP " + status.value()).build();
	}

	private Health down(Throwable failure) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
		String error = (cause.getMessage() != null)
				? cause.getClass().getName() + ": " + HitKeyLogText.of(cause.getMessage()) : cause.getClass().getName();
		return Health.down().withDetail("apiUrl", this.apiUrl).withDetail("error", error).build();
	}

}
