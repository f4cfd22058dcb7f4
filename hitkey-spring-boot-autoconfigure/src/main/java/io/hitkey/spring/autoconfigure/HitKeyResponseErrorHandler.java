package io.hitkey.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;


import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.ResponseErrorHandler;

/**
 * Turns HitKey's error answers into {@link OAuth2AuthorizationException}s that carry
 * HitKey's message, as {@link HitKeyErrors} reads them. HitKey's calls follow no
 * redirect, so a redirect is an error too: its body is not the answer.
 *
 * @author HitKey
 */
final class HitKeyResponseErrorHandler implements ResponseErrorHandler {

	@Override
	public boolean hasError(ClientHttpResponse response) throws IOException {
		HttpStatusCode status = response.getStatusCode();
		return status.isError() || status.is3xxRedirection();
	}

	@Override
	public void handleError(URI url, HttpMethod method, ClientHttpResponse response) throws IOException {
		throw new OAuth2AuthorizationException(HitKeyErrors.toError(response.getStatusCode(), readBody(response)));
	}

	private static byte[] readBody(ClientHttpResponse response) {
		try (InputStream body = response.getBody()) {
			return body.readNBytes(HitKeyErrors.MAX_BODY_BYTES);
		}
		catch (IOException ex) {
			return new byte[0];
		}
	}

}
