package io.hitkey.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.util.concurrent.CountDownLatch;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.http.client.MockClientHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link LimitedResponseBodyInterceptor}.
 */
class LimitedResponseBodyInterceptorTests {

	private final ExecutorService executor = Executors.newCachedThreadPool();

	@AfterEach
	void shutdown() {
		this.executor.shutdownNow();
	}

	@Test
	@Timeout(30)
	void aReadThatIsStillBlockedWhenTheCallsTimeIsUpEndsThen() throws IOException {
		StalledResponse stalled = new StalledResponse(new StallingInputStream("{\"access_token\":".getBytes()));
		LimitedResponseBodyInterceptor interceptor = new LimitedResponseBodyInterceptor(Duration.ofMillis(200),
				this.executor);

		try (ClientHttpResponse response = interceptor.intercept(new MockClientHttpRequest(HttpMethod.POST, "/"),
				new byte[0], (request, body) -> stalled)) {
			InputStream body = response.getBody();
			assertThat(body.readNBytes(16)).asString().isEqualTo("{\"access_token\":");

			assertThatIOException().isThrownBy(body::read)
				.withMessage("HitKey's answer took longer than its timeouts allow");
		}
		assertThat(stalled.closed).isTrue();
	}

	@Test
	@Timeout(30)
	void aBodyStillAwaitedWhenTheCallsTimeIsUpEndsThen() throws IOException {
		// Some clients (Reactor Netty) give the body only once all of it has arrived.
		AwaitedResponse awaited = new AwaitedResponse();
		LimitedResponseBodyInterceptor interceptor = new LimitedResponseBodyInterceptor(Duration.ofMillis(200),
				this.executor);

		try (ClientHttpResponse response = interceptor.intercept(new MockClientHttpRequest(HttpMethod.POST, "/"),
				new byte[0], (request, body) -> awaited)) {
			assertThatIOException().isThrownBy(response::getBody)
				.withMessage("HitKey's answer took longer than its timeouts allow");
		}
	}

	@Test
	void anUncheckedFailureToReadTheBodyIsAnIOException() throws IOException {
		LimitedResponseBodyInterceptor interceptor = new LimitedResponseBodyInterceptor(Duration.ofSeconds(30),
				this.executor);
		InputStream failing = new InputStream() {

			@Override
			public int read() {
				throw new IllegalStateException("io.netty.handler.timeout.ReadTimeoutException");
			}

		};

		try (ClientHttpResponse response = interceptor.intercept(new MockClientHttpRequest(HttpMethod.POST, "/"),
				new byte[0], (request, body) -> new StalledResponse(failing))) {
			assertThatIOException().isThrownBy(() -> response.getBody().read())
				.withMessage("HitKey's answer could not be read")
				.withCauseInstanceOf(IllegalStateException.class);
		}
	}

	@Test
	void anAnswerLargerThanTheLimitIsRefused() throws IOException {
		byte[] huge = new byte[HitKeyApiCalls.MAX_ANSWER_BYTES + 1];
		LimitedResponseBodyInterceptor interceptor = new LimitedResponseBodyInterceptor(Duration.ofSeconds(30),
				this.executor);

		try (ClientHttpResponse response = interceptor.intercept(new MockClientHttpRequest(HttpMethod.POST, "/"),
				new byte[0], (request, body) -> new StalledResponse(new ByteArrayInputStream(huge)))) {
			assertThatIOException().isThrownBy(() -> response.getBody().readAllBytes())
				.withMessage("HitKey's answer is larger than 256 KB");
		}
	}

	/**
	 * An answer whose body stops coming, as from a HitKey that stalls mid-answer on a
	 * client whose read timeout applies to each read only.
	 */
	private static final class StalledResponse implements ClientHttpResponse {

		private final InputStream body;

		private volatile boolean closed;

		StalledResponse(InputStream body) {
			this.body = body;
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatus.OK;
		}

		@Override
		public String getStatusText() {
			return "OK";
		}

		@Override
		public HttpHeaders getHeaders() {
			return new HttpHeaders();
		}

		@Override
		public InputStream getBody() {
			return this.body;
		}

		@Override
		public void close() {
			this.closed = true;
			try {
				this.body.close();
			}
			catch (IOException ex) {
				// closed anyway
			}
		}

	}

	/**
	 * An answer whose body is handed over only once complete, and never completes: its
	 * body fails once the answer is closed.
	 */
	private static final class AwaitedResponse implements ClientHttpResponse {

		private final CountDownLatch closed = new CountDownLatch(1);

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatus.OK;
		}

		@Override
		public String getStatusText() {
			return "OK";
		}

		@Override
		public HttpHeaders getHeaders() {
			return new HttpHeaders();
		}

		@Override
		public InputStream getBody() {
			try {
				this.closed.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("Connection closed");
		}

		@Override
		public void close() {
			this.closed.countDown();
		}

	}

	/**
	 * A body that gives its first bytes, then blocks until closed, as a socket does.
	 */
	private static final class StallingInputStream extends InputStream {

		private final InputStream first;

		private final CountDownLatch closed = new CountDownLatch(1);

		StallingInputStream(byte[] first) {
			this.first = new ByteArrayInputStream(first);
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) == -1) ? -1 : one[0];
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int count = this.first.read(buffer, offset, length);
			if (count > 0 || length == 0) {
				return Math.max(count, 0);
			}
			try {
				this.closed.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new IOException("Socket closed");
		}

		@Override
		public void close() {
			this.closed.countDown();
		}

	}

}
