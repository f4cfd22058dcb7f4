package io.hitkey.spring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link HitKeyAccessTokenResponseConverter}, with token answers as Jackson
 * reads HitKey's JSON.
 */
@ExtendWith(OutputCaptureExtension.class)
class HitKeyAccessTokenResponseConverterTests {

	private static final String ASSUMING_AN_HOUR = "assuming 3600 seconds";

	private final HitKeyAccessTokenResponseConverter converter = new HitKeyAccessTokenResponseConverter();

	static String[] unusableExpiresIn() {
		return new String[] { "\"soon\"", "\"\"", "-5", "0", "0.5", "\"-1\"", "1e300", "\"1e300\"",
				"9223372036854775807", "9223372036854775808", "31536001", "true", "{\"seconds\":60}", "[3600]" };
	}

	@ParameterizedTest(name = "expires_in: {0}")
	@MethodSource("unusableExpiresIn")
	void anUnusableExpiresInIsLoggedOnceAndTakenAsAnHour(String expiresIn, CapturedOutput output) {
		OAuth2AccessTokenResponse response = convert(
				"{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}");

		assertThat(lifetime(response.getAccessToken())).isEqualTo(Duration.ofHours(1));
		assertThat(warnings(output)).isEqualTo(1);
		assertThat(output).contains("WARN").contains("HitKey's token response has an unusable expires_in (");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\"}",
			"{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":null}" })
	void aMissingExpiresInIsLoggedOnceAndTakenAsAnHour(String json, CapturedOutput output) {
		OAuth2AccessTokenResponse response = convert(json);

		assertThat(lifetime(response.getAccessToken())).isEqualTo(Duration.ofHours(1));
		assertThat(output).contains("HitKey's token response has no expires_in: " + ASSUMING_AN_HOUR);
		assertThat(warnings(output)).isEqualTo(1);
	}

	@Test
	void aUsableExpiresInIsTakenAsItIsWithoutAWarning(CapturedOutput output) {
		assertThat(lifetime(convert("{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":120}")
			.getAccessToken())).isEqualTo(Duration.ofSeconds(120));
		assertThat(lifetime(convert("{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":\"7200\"}")
			.getAccessToken())).isEqualTo(Duration.ofSeconds(7200));
		assertThat(lifetime(convert("{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":31536000}")
			.getAccessToken())).isEqualTo(Duration.ofDays(365));
		assertThat(output).doesNotContain("expires_in");
	}

	@Test
	void aMissingTokenTypeIsTakenAsBearer(CapturedOutput output) {
		OAuth2AccessTokenResponse response = convert("{\"access_token\":\"at-1\",\"expires_in\":3600}");

		assertThat(response.getAccessToken().getTokenType()).isEqualTo(OAuth2AccessToken.TokenType.BEARER);
		assertThat(output).contains("HitKey's token response has no token_type: assuming Bearer");
	}

	@Test
	void anAnswerWithoutAnAccessTokenIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> convert("{\"token_type\":\"Bearer\",\"expires_in\":3600}"))
			.withMessage("HitKey's token response has no access_token");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> convert("{\"access_token\":\" \",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
	}

	@Test
	void theWarningCarriesNoControlCharactersAndNoMoreThanAShortExcerpt(CapturedOutput output) {
		convert("{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":\"soon\\r\\nWARN forged line"
				+ "x".repeat(500) + "\"}");

		assertThat(output).doesNotContain("\nWARN forged").doesNotContain("x".repeat(201));
	}

	@SuppressWarnings("unchecked")
	private OAuth2AccessTokenResponse convert(String json) {
		Map<String, Object> parameters = new LinkedHashMap<>(JsonMapper.shared().readValue(json, Map.class));
		return this.converter.convert(parameters);
	}

	private static Duration lifetime(OAuth2AccessToken token) {
		return Duration.between(token.getIssuedAt(), token.getExpiresAt());
	}

	private static int warnings(CapturedOutput output) {
		return output.toString().split("HitKey's token response has (no|an unusable) expires_in", -1).length - 1;
	}

}
