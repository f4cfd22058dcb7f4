package io.hitkey.spring.autoconfigure.servlet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Caps the size of HitKey's answers. HitKey's token and userinfo answers are a few hundred
 * bytes; a body larger than the cap is refused with an {@link IOException} rather than
 * read into memory.
 *
 * @author HitKey
 */
final class LimitedResponseBodyInterceptor implements ClientHttpRequestInterceptor {

	static final int MAX_BODY_BYTES = 256 * 1024;

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		return new LimitedResponse(execution.execute(request, body));
	}

	private static final class LimitedResponse implements ClientHttpResponse {

		private final ClientHttpResponse response;

		private @Nullable InputStream body;

		LimitedResponse(ClientHttpResponse response) {
			this.response = response;
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
				this.body = new LimitedInputStream(this.response.getBody());
			}
			return this.body;
		}

		@Override
		public void close() {
			this.response.close();
		}

	}

	private static final class LimitedInputStream extends FilterInputStream {

		private long remaining = MAX_BODY_BYTES;

		LimitedInputStream(InputStream in) {
			super(in);
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
			this.remaining -= count;
			if (this.remaining < 0) {
				throw new IOException("HitKey's answer is larger than " + MAX_BODY_BYTES / 1024 + " KB");
			}
		}

	}

}
