package io.hitkey.spring.autoconfigure;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.util.MultiValueMap;

/**
 * Masks the authorization code in the URI of an authorization response (a request with
 * {@code code} and {@code state} parameters: HitKey's callback, or another
 * registration's), the reactive counterpart of the servlet
 * {@code AuthorizationCodeLogMaskingFilter}. WebFlux logs the request line before any
 * {@code WebFilter} runs ({@code HttpWebHandlerAdapter} at debug level, and Boot's error
 * handler with every error 500), and the code is a credential until it is used: only a
 * decorator of the whole {@link HttpHandler} comes early enough. Only
 * {@link ServerHttpRequest#getURI()} is masked; the query parameters, which Spring
 * Security reads the code from, stay as they came.
 *
 * @author HitKey
 */
final class AuthorizationCodeLogMasking implements HttpHandlerDecoratorFactory {

	@Override
	public HttpHandler apply(HttpHandler handler) {
		return (request, response) -> handler.handle(masked(request), response);
	}

	static ServerHttpRequest masked(ServerHttpRequest request) {
		if (request instanceof MaskedCodeRequest) {
			return request;
		}
		MultiValueMap<String, String> query = request.getQueryParams();
		if (!query.containsKey("code") || !query.containsKey("state") || request.getURI().getRawQuery() == null) {
			return request;
		}
		return new MaskedCodeRequest(request);
	}

	private static URI maskedUri(URI uri) {
		String text = uri.toString();
		int query = text.indexOf('?');
		int fragment = text.indexOf('#', query);
		String end = (fragment != -1) ? text.substring(fragment) : "";
		String masked = HitKeyLogText.maskCode(uri.getRawQuery());
		return URI.create(text.substring(0, query + 1) + masked + end);
	}

	private static final class MaskedCodeRequest extends ServerHttpRequestDecorator {

		private final URI uri;

		MaskedCodeRequest(ServerHttpRequest delegate) {
			super(delegate);
			this.uri = maskedUri(delegate.getURI());
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		// A copy built from this request would take the masked URI, and lose the code,
		// as ForwardedHeaderTransformer does: build it from the original.
		@Override
		public Builder mutate() {
			return new MaskingBuilder(getDelegate().mutate());
		}

	}

	private record MaskingBuilder(ServerHttpRequest.Builder delegate) implements ServerHttpRequest.Builder {

		@Override
		public ServerHttpRequest.Builder method(HttpMethod httpMethod) {
			this.delegate.method(httpMethod);
			return this;
		}

		@Override
		public ServerHttpRequest.Builder uri(URI uri) {
			this.delegate.uri(uri);
			return this;
		}

		@Override
		public ServerHttpRequest.Builder path(String path) {
			this.delegate.path(path);
			return this;
		}

		@Override
		public ServerHttpRequest.Builder contextPath(String contextPath) {
			this.delegate.contextPath(contextPath);
			return this;
		}

		@Override
		public ServerHttpRequest.Builder header(String headerName, String... headerValues) {
			this.delegate.header(headerName, headerValues);
			return this;
		}

		@Override
		public ServerHttpRequest.Builder headers(Consumer<HttpHeaders> headersConsumer) {
			this.delegate.headers(headersConsumer);
			return this;
		}

		@Override
		public ServerHttpRequest.Builder sslInfo(SslInfo sslInfo) {
			this.delegate.sslInfo(sslInfo);
			return this;
		}

		@Override
		public ServerHttpRequest.Builder remoteAddress(InetSocketAddress remoteAddress) {
			this.delegate.remoteAddress(remoteAddress);
			return this;
		}

		@Override
		public ServerHttpRequest.Builder localAddress(InetSocketAddress localAddress) {
			this.delegate.localAddress(localAddress);
			return this;
		}

		@Override
		public ServerHttpRequest build() {
			return masked(this.delegate.build());
		}

	}

}
