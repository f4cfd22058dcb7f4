package io.hitkey.spring.autoconfigure.servlet;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.endpoint.DefaultMapOAuth2AccessTokenResponseConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Reads HitKey's token response with Spring Security's converter, after filling in what
 * HitKey documents but might leave out: {@code token_type} is {@code Bearer} and
 * {@code expires_in} one hour. Without the latter Spring Security would take the token
 * for expired after one second and refresh it on every request.
 *
 * @author HitKey
 */
final class HitKeyAccessTokenResponseConverter implements Converter<Map<String, Object>, OAuth2AccessTokenResponse> {

	static final long DEFAULT_EXPIRES_IN = 3600;

	private static final Log logger = LogFactory.getLog(HitKeyAccessTokenResponseConverter.class);

	private final Converter<Map<String, Object>, OAuth2AccessTokenResponse> delegate = new DefaultMapOAuth2AccessTokenResponseConverter();

	@Override
	public OAuth2AccessTokenResponse convert(Map<String, Object> source) {
		Object accessToken = source.get(OAuth2ParameterNames.ACCESS_TOKEN);
		if (!(accessToken instanceof String value) || value.isBlank()) {
			throw new IllegalArgumentException("HitKey's token response has no access_token");
		}
		Map<String, Object> parameters = new LinkedHashMap<>(source);
		if (isMissing(parameters.get(OAuth2ParameterNames.TOKEN_TYPE))) {
			logger.warn("HitKey's token response has no token_type: assuming Bearer");
			parameters.put(OAuth2ParameterNames.TOKEN_TYPE, "Bearer");
		}
		if (isMissing(parameters.get(OAuth2ParameterNames.EXPIRES_IN))) {
			logger.warn("HitKey's token response has no expires_in: assuming " + DEFAULT_EXPIRES_IN + " seconds");
			parameters.put(OAuth2ParameterNames.EXPIRES_IN, DEFAULT_EXPIRES_IN);
		}
		return this.delegate.convert(parameters);
	}

	private static boolean isMissing(@Nullable Object value) {
		return value == null || (value instanceof String text && text.isBlank());
	}

}
