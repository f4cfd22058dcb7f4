package io.hitkey.spring.autoconfigure.servlet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

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
 * timeouts together.
 *
 * @author HitKey
 */
final class LimitedResponseBodyInterceptor implements ClientHttpRequestInterceptor {

	static final int MAX_BODY_BYTES = 256 * 1024;

	private final Duration budget;

	LimitedResponseBodyInterceptor(Duration budget) {
		this.budget = budget;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		long deadline = System.nanoTime() + this.budget.toNanos();
		return new LimitedResponse(execution.execute(request, body), deadline);
	}

	private static final class LimitedResponse implements ClientHttpResponse {

		private final ClientHttpResponse response;

		private final long deadline;

		private @Nullable InputStream body;

		LimitedResponse(ClientHttpResponse response, long deadline) {
			this.response = response;
			this.deadline = deadline;
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
				this.body = new LimitedInputStream(this.response.getBody(), this.deadline);
			}
			return this.body;
		}

		@Override
		public void close() {
			this.response.close();
		}

	}

	private static final class LimitedInputStream extends FilterInputStream {

		private final long deadline;

		private long remaining = MAX_BODY_BYTES;

		LimitedInputStream(InputStream in, long deadline) {
			super(in);
			this.deadline = deadline;
		}

		@Override
		public int read() throws IOException {
			int value = super.read();
			if (value != -1) {
				consumed(1);
			}
			return value;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int count = super.read(buffer, offset, length);
			if (count > 0) {
				consumed(count);
			}
			return count;
		}

		private void consumed(int count) throws IOException {
			if (System.nanoTime() > this.deadline) {
				throw new IOException("HitKey's answer took longer than its timeouts allow");
			}
			this.remaining -= count;
			if (this.remaining < 0) {
				throw new IOException("HitKey's answer is larger than " + MAX_BODY_BYTES / 1024 + " KB");
			}
		}

	}

}
