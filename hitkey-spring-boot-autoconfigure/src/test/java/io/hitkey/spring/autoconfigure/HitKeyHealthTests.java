package io.hitkey.spring.autoconfigure;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link HitKeyHealth}.
 */
class HitKeyHealthTests {

	private static final String API_URL = "https://api.hitkey.example";

	private final MutableClock clock = new MutableClock();

	private final HitKeyHealth health = new HitKeyHealth(API_URL, Duration.ofSeconds(30), this.clock);

	private final AtomicInteger calls = new AtomicInteger();

	@Test
	void upWithTheApiUrlOnA2xxAnswer() {
		Health answer = this.health.health(() -> answer(HttpStatus.OK)).join();
		assertThat(answer.getStatus()).isEqualTo(Status.UP);
		assertThat(answer.getDetails()).containsExactly(entry("apiUrl", API_URL));
		assertThat(this.health.uri()).isEqualTo(API_URL + "/health");
	}

	@Test
	void downWithTheStatusOnAnyOtherAnswer() {
		Health answer = this.health.health(() -> answer(HttpStatus.MOVED_PERMANENTLY)).join();
		assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
		assertThat(answer.getDetails()).containsEntry("apiUrl", API_URL)
			.containsEntry("error", "HitKey answered HTTP 301");
	}

	@Test
	void downWithTheCauseWhenHitKeyCannotBeReached() {
		Health answer = this.health
			.health(() -> CompletableFuture.failedFuture(
					new ResourceAccessException("I/O error", new ConnectException("Connection refused\nFAKE LOG LINE"))))
			.join();
		assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
		assertThat(answer.getDetails()).containsEntry("error",
				"java.net.ConnectException: Connection refused FAKE LOG LINE");
	}

	@Test
	void aCallThatThrowsIsDown() {
		Health answer = this.health.health(() -> {
			throw new IllegalStateException("no connection");
		}).join();
		assertThat(answer.getDetails()).containsEntry("error", "java.lang.IllegalStateException: no connection");
	}

	@Test
	void reusesTheAnswerForTheCacheTime() {
		this.health.health(() -> answer(HttpStatus.OK)).join();
		this.clock.advance(Duration.ofSeconds(29));
		Health cached = this.health.health(() -> answer(HttpStatus.SERVICE_UNAVAILABLE)).join();
		assertThat(cached.getStatus()).isEqualTo(Status.UP);
		assertThat(this.calls).hasValue(1);
		this.clock.advance(Duration.ofSeconds(1));
		Health fresh = this.health.health(() -> answer(HttpStatus.SERVICE_UNAVAILABLE)).join();
		assertThat(fresh.getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.calls).hasValue(2);
	}

	@Test
	void checksWhileHitKeyIsBeingAskedShareTheAnswer() {
		CompletableFuture<HttpStatusCode> pending = new CompletableFuture<>();
		CompletableFuture<Health> first = this.health.health(() -> {
			this.calls.incrementAndGet();
			return pending;
		});
		CompletableFuture<Health> second = this.health.health(() -> answer(HttpStatus.SERVICE_UNAVAILABLE));
		this.clock.advance(Duration.ofMinutes(5));
		CompletableFuture<Health> third = this.health.health(() -> answer(HttpStatus.SERVICE_UNAVAILABLE));
		assertThat(second).isSameAs(first).isNotDone();
		assertThat(third).isSameAs(first);
		pending.complete(HttpStatus.NO_CONTENT);
		assertThat(first.join().getStatus()).isEqualTo(Status.UP);
		assertThat(this.calls).hasValue(1);
	}

	private CompletableFuture<HttpStatusCode> answer(HttpStatusCode status) {
		this.calls.incrementAndGet();
		return CompletableFuture.completedFuture(status);
	}

}
