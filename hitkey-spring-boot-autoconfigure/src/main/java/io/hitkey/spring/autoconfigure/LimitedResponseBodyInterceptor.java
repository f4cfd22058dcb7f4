package io.hitkey.spring.autoconfigure;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;


import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Caps the size of HitKey's answers and the time they take. HitKey's token and userinfo
 * answers are a few hundred bytes; a larger body is refused with an {@link IOException}
 * rather than read into memory. Some HTTP clients (Reactor Netty, Apache) apply the read
 * timeout to each read only, so a HitKey that trickles its answer a byte at a time would
 * hold a thread for as long as it likes: the body must arrive within the connect and read
 * timeouts together ({@link HitKeyApiCalls#maxDuration}). A read still blocked when that
 * time is up is ended by closing the answer, so that the call, a refresh that other
 * requests wait for included, never takes longer.
 *
 * @author HitKey
 */
final class LimitedResponseBodyInterceptor implements ClientHttpRequestInterceptor {

	private final Duration budget;

	private final Executor executor;

	/**
	 * Create an interceptor that bounds each call by the given time, and closes the
	 * answers that are still read after that time on the given executor.
	 */
	LimitedResponseBodyInterceptor(Duration budget, Executor executor) {
		this.budget = budget;
		this.executor = executor;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		long deadline = System.nanoTime() + this.budget.toNanos();
		LimitedResponse response = new LimitedResponse(execution.execute(request, body), deadline);
		long left = Math.max(0, deadline - System.nanoTime());
		CompletableFuture.delayedExecutor(left, TimeUnit.NANOSECONDS, this.executor).execute(response::timeUp);
		return response;
	}

	private static final class LimitedResponse implements ClientHttpResponse {

		private final ClientHttpResponse response;

		private final long deadline;

		private volatile boolean closed;

		private volatile boolean timedOut;

		private volatile boolean failed;

		private volatile @Nullable InputStream body;

		LimitedResponse(ClientHttpResponse response, long deadline) {
			this.response = response;
			this.deadline = deadline;
		}

		/**
		 * End the answer if it is still being read. Without a lock: a client may block in
		 * {@link #getBody()} until the whole body has arrived (Reactor Netty does).
		 */
		void timeUp() {
			if (this.closed) {
				return;
			}
			this.timedOut = true;
			this.closed = true;
			// Under a read of another thread: the body alone, never by reading the rest.
			if (this.body != null) {
				closeBody();
			}
			else {
				closeResponse();
			}
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return this.response.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return this.response.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.response.getHeaders();
		}

		@Override
		public InputStream getBody() throws IOException {
			if (this.body == null) {
				this.body = new LimitedInputStream(readOrTimeUp(this.response::getBody), this);
			}
			return this.body;
		}

		/**
		 * Close the answer. Spring's clients read what is left of a body before they close
		 * it, so that the connection can be used again: after a failed or timed-out read,
		 * that would wait for the rest of a trickled answer, or read a body that the time
		 * limit closed under it. Such an answer is closed without reading.
		 */
		@Override
		public void close() {
			this.closed = true;
			if (this.timedOut || this.failed) {
				closeBody();
			}
			closeResponse();
		}

		private void closeResponse() {
			try {
				this.response.close();
			}
			catch (RuntimeException ex) {
				// A body closed under a read: nothing left to release.
			}
		}

		/**
		 * Close the body without reading what is left of it. It may be closed under a read
		 * of another thread, which then fails as a timeout.
		 */
		private void closeBody() {
			try {
				this.response.getBody().close();
			}
			catch (IOException | RuntimeException ex) {
				// Closed already, or closed under a read: nothing left to release.
			}
		}

		/**
		 * Return what the given read returns, or fail as a timeout when the time of the
		 * call was up before it returned. A client that fails a read with an unchecked
		 * exception (Reactor Netty's {@code ReadTimeoutException}) fails it with an
		 * {@link IOException} here, so that Spring's clients report it as a failed call
		 * rather than let it through as an error 500.
		 */
		<T> T readOrTimeUp(Read<T> read) throws IOException {
			T result;
			try {
				result = read.read();
			}
			catch (IOException ex) {
				this.failed = true;
				throw this.timedOut ? tookTooLong() : ex;
			}
			catch (RuntimeException ex) {
				this.failed = true;
				throw this.timedOut ? tookTooLong() : new IOException("HitKey's answer could not be read", ex);
			}
			if (this.timedOut) {
				this.failed = true;
				throw tookTooLong();
			}
			return result;
		}

	}

	private static final class LimitedInputStream extends FilterInputStream {

		private final LimitedResponse response;

		private long remaining = HitKeyApiCalls.MAX_ANSWER_BYTES;

		LimitedInputStream(InputStream in, LimitedResponse response) {
			super(in);
			this.response = response;
		}

		@Override
		public int read() throws IOException {
			int value = this.response.readOrTimeUp(() -> super.read());
			if (value != -1) {
				consumed(1);
			}
			return value;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int count = this.response.readOrTimeUp(() -> super.read(buffer, offset, length));
			if (count > 0) {
				consumed(count);
			}
			return count;
		}

		private void consumed(int count) throws IOException {
			if (System.nanoTime() > this.response.deadline) {
				this.response.failed = true;
				throw tookTooLong();
			}
			this.remaining -= count;
			if (this.remaining < 0) {
				this.response.failed = true;
				throw new IOException(HitKeyApiCalls.TOO_LARGE);
			}
		}

	}

	private static IOException tookTooLong() {
		return new IOException("HitKey's answer took longer than its timeouts allow");
	}

	@FunctionalInterface
	private interface Read<T> {

		T read() throws IOException;

	}

}
