package io.hitkey.spring.test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A fault that {@link FakeHitKey} answers a call with, scripted with
 * {@link FakeHitKey#failNext(FakeHitKey.Endpoint, int, FakeHitKeyFault)}.
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class FakeHitKeyFault {

	private final int status;

	private final @Nullable String body;

	private final String contentType;

	private final Duration delay;

	private final boolean dropConnection;

	private final Duration trickle;

	private final Map<String, String> headers;

	private FakeHitKeyFault(int status, @Nullable String body, String contentType, Duration delay,
			boolean dropConnection, Duration trickle, Map<String, String> headers) {
		this.status = status;
		this.body = body;
		this.contentType = contentType;
		this.delay = delay;
		this.dropConnection = dropConnection;
		this.trickle = trickle;
		this.headers = Map.copyOf(headers);
	}

	/**
	 * Answer with the given status and a HitKey-style error body
	 * {@code {"error":"<message>"}}.
	 * @param status the HTTP status
	 * @param message the error message
	 * @return the fault
	 */
	public static FakeHitKeyFault error(int status, String message) {
		return status(status, Exchanges.errorJson(message), "application/json");
	}

	/**
	 * Answer with the given status, body and content type.
	 * @param status the HTTP status
	 * @param body the body
	 * @param contentType the content type of the body
	 * @return the fault
	 */
	public static FakeHitKeyFault status(int status, String body, String contentType) {
		Assert.isTrue(status >= 200 && status <= 599, "'status' must be a final HTTP status (200 to 599)");
		return new FakeHitKeyFault(status, body, contentType, Duration.ZERO, false, Duration.ZERO, Map.of());
	}

	/**
	 * Wait for the given time, then answer as usual.
	 * @param delay the delay
	 * @return the fault
	 */
	public static FakeHitKeyFault delay(Duration delay) {
		return new FakeHitKeyFault(0, null, "", delay, false, Duration.ZERO, Map.of());
	}

	/**
	 * Close the connection without answering. The JDK's HTTP client retries an
	 * idempotent request (such as the userinfo {@code GET}) once on a new connection:
	 * script two drops to make such a call fail.
	 * @return the fault
	 */
	public static FakeHitKeyFault dropConnection() {
		return new FakeHitKeyFault(0, null, "", Duration.ZERO, true, Duration.ZERO, Map.of());
	}

	/**
	 * Answer with the given status and body, but send the body one byte at a time with
	 * the given pause between bytes, as a slow or stalled network would.
	 * @param status the HTTP status
	 * @param body the body
	 * @param contentType the content type of the body
	 * @param pause the pause between two bytes
	 * @return the fault
	 */
	public static FakeHitKeyFault trickle(int status, String body, String contentType, Duration pause) {
		Assert.isTrue(status >= 200 && status <= 599, "'status' must be a final HTTP status (200 to 599)");
		Assert.isTrue(!pause.isNegative() && !pause.isZero(), "'pause' must be positive");
		return new FakeHitKeyFault(status, body, contentType, Duration.ZERO, false, pause, Map.of());
	}

	/**
	 * Return a copy of this fault whose answer carries the given header as well, such as
	 * {@code Retry-After}. Delays and dropped connections send no headers of their own.
	 * @param name the header name
	 * @param value the header value
	 * @return the copy
	 */
	public FakeHitKeyFault withHeader(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put(name, value);
		return new FakeHitKeyFault(this.status, this.body, this.contentType, this.delay, this.dropConnection,
				this.trickle, headers);
	}

	int status() {
		return this.status;
	}

	@Nullable String body() {
		return this.body;
	}

	String contentType() {
		return this.contentType;
	}

	Duration delay() {
		return this.delay;
	}

	boolean dropsConnection() {
		return this.dropConnection;
	}

	Duration trickle() {
		return this.trickle;
	}

	Map<String, String> headers() {
		return this.headers;
	}

	@Override
	public String toString() {
		if (this.dropConnection) {
			return "FakeHitKeyFault[drop connection]";
		}
		return (this.status != 0) ? "FakeHitKeyFault[status " + this.status + "]"
				: "FakeHitKeyFault[delay " + this.delay + "]";
	}

}
