package io.hitkey.spring.autoconfigure;

import java.math.BigDecimal;
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
 * Reads HitKey's token answer (servlet and reactive alike) with Spring Security's
 * converter, after making it hold what HitKey documents: an {@code access_token}, a
 * {@code token_type} ({@code Bearer} when missing) and an {@code expires_in} in
 * seconds. HitKey's access tokens live one hour; an {@code expires_in} that is missing,
 * not a number, under one second or absurdly large is logged once at WARN and taken as one
 * hour. Spring Security would otherwise take a missing one for one second (a refresh on
 * every request) and fail with an {@link ArithmeticException} on a huge one.
 *
 * @author HitKey
 */
final class HitKeyAccessTokenResponseConverter
		implements Converter<Map<String, Object>, OAuth2AccessTokenResponse> {

	/**
	 * The lifetime HitKey documents for its access tokens, in seconds.
	 */
	static final long DEFAULT_EXPIRES_IN = 3600;

	/**
	 * The longest {@code expires_in} taken as it is: one year.
	 */
	static final long MAX_EXPIRES_IN = 365L * 24 * 3600;

	private static final Log logger = LogFactory.getLog(HitKeyAccessTokenResponseConverter.class);

	private final Converter<Map<String, Object>, OAuth2AccessTokenResponse> delegate =
			new DefaultMapOAuth2AccessTokenResponseConverter();

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
		Object expiresIn = parameters.get(OAuth2ParameterNames.EXPIRES_IN);
		Long seconds = seconds(expiresIn);
		if (seconds == null) {
			logger.warn("HitKey's token response has " + describe(expiresIn) + ": assuming " + DEFAULT_EXPIRES_IN
					+ " seconds");
			seconds = DEFAULT_EXPIRES_IN;
		}
		parameters.put(OAuth2ParameterNames.EXPIRES_IN, seconds);
		return this.delegate.convert(parameters);
	}

	/**
	 * Return the given {@code expires_in} as a number of seconds, or {@code null} when it
	 * is missing, not a number, less than a second or larger than {@link #MAX_EXPIRES_IN}.
	 * Less than a second would become {@code 0}, which Spring Security takes for one
	 * second.
	 */
	static @Nullable Long seconds(@Nullable Object expiresIn) {
		BigDecimal value = decimal(expiresIn);
		if (value == null || value.compareTo(BigDecimal.ONE) < 0
				|| value.compareTo(BigDecimal.valueOf(MAX_EXPIRES_IN)) > 0) {
			return null;
		}
		return value.longValue();
	}

	private static @Nullable BigDecimal decimal(@Nullable Object value) {
		if (value instanceof Number number) {
			try {
				return new BigDecimal(number.toString());
			}
			catch (NumberFormatException ex) {
				// NaN or infinite
				return null;
			}
		}
		if (value instanceof String text) {
			try {
				return new BigDecimal(text.strip());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	private static String describe(@Nullable Object expiresIn) {
		if (expiresIn == null) {
			return "no expires_in";
		}
		return "an unusable expires_in (" + HitKeyLogText.of(String.valueOf(expiresIn)) + ")";
	}

	private static boolean isMissing(@Nullable Object value) {
		return value == null || (value instanceof String text && text.isBlank());
	}

}
