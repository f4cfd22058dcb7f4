package io.hitkey.spring.autoconfigure;

import java.util.List;

import io.hitkey.spring.HitKeyClientRegistrations;

import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.DefaultOAuth2TokenRequestHeadersConverter;

/**
 * Headers of a token request: JSON for HitKey, whose client credentials travel in the
 * body (never in a Basic header), Spring Security's defaults for other registrations.
 * Shared by the servlet and reactive token clients.
 *
 * @param <T> the type of grant request
 * @author HitKey
 */
final class HitKeyTokenRequestHeadersConverter<T extends AbstractOAuth2AuthorizationGrantRequest>
		implements Converter<T, HttpHeaders> {

	private final DefaultOAuth2TokenRequestHeadersConverter<T> otherRegistrations =
			new DefaultOAuth2TokenRequestHeadersConverter<>();

	@Override
	public HttpHeaders convert(T grantRequest) {
		if (!HitKeyClientRegistrations.isHitKey(grantRequest.getClientRegistration())) {
			return this.otherRegistrations.convert(grantRequest);
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

}
