package io.hitkey.spring.autoconfigure;

import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.core.ResolvableType;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the reactive refresh token client that the starter defines, called directly
 * against WireMock over real HTTP.
 */
class HitKeyReactiveTokenResponseClientTests {

	@RegisterExtension
	static WireMockExtension hitKey = HitKeyStubs.hitKey();

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HitKeyAutoConfiguration.class,
				HitKeyReactiveOAuth2ClientAutoConfiguration.class))
		.withPropertyValues("hitkey.client-id=" + HitKeyStubs.CLIENT_ID,
				"hitkey.client-secret=" + HitKeyStubs.CLIENT_SECRET, "hitkey.api-url=" + hitKey.baseUrl(),
				"hitkey.connect-timeout=3s", "hitkey.read-timeout=2s");

	// Each piece comes well within the read timeout; the whole takes 20 s. Not gzipped:
	// WireMock would hold a gzipped answer back and send it at once.
	@Test
	void refreshAnswerTrickledOverLongerThanTheTimeoutsFailsAsAnUnreachableHitKey() {
		hitKey.stubFor(HitKeyStubs.tokenRequest("refresh_token")
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-2", "rt-2", 3600)).withHeader("Content-Encoding", "identity")
				.withChunkedDribbleDelay(100, 20_000)));

		refresh((client, request) -> assertThatExceptionOfType(OAuth2AuthorizationException.class)
			.isThrownBy(() -> client.getTokenResponse(request).block(Duration.ofSeconds(15)))
			.satisfies((ex) -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_token_response");
				assertThat(ex.getError().getDescription()).isEqualTo(HitKeyErrors.UNREACHABLE);
			}));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ",\"expires_in\":\"soon\"", ",\"expires_in\":-5", ",\"expires_in\":1e300",
			",\"expires_in\":9223372036854775807" })
	void unusableExpiresInIsTakenAsOneHour(String expiresIn) {
		hitKey.stubFor(HitKeyStubs.tokenRequest("refresh_token")
			.willReturn(okJson("{\"access_token\":\"at-2\",\"refresh_token\":\"rt-2\",\"token_type\":\"Bearer\""
					+ expiresIn + "}")));

		refresh((client, request) -> {
			OAuth2AccessTokenResponse response = client.getTokenResponse(request).block(Duration.ofSeconds(15));
			OAuth2AccessToken token = response.getAccessToken();
			assertThat(token.getTokenValue()).isEqualTo("at-2");
			assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofHours(1));
		});
	}

	private void refresh(RefreshAssertion assertion) {
		this.contextRunner.run((context) -> {
			ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> client = refreshClient(context);
			ClientRegistration registration = context.getBean(ReactiveClientRegistrationRepository.class)
				.findByRegistrationId("hitkey")
				.block(Duration.ofSeconds(5));
			Instant now = Instant.now();
			OAuth2RefreshTokenGrantRequest request = new OAuth2RefreshTokenGrantRequest(registration,
					new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "at-1", now.minusSeconds(3600), now),
					new OAuth2RefreshToken("rt-1", now.minusSeconds(3600)));
			assertion.accept(client, request);
		});
	}

	@SuppressWarnings("unchecked")
	private static ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshClient(
			AssertableReactiveWebApplicationContext context) {
		ResolvableType type = ResolvableType.forClassWithGenerics(ReactiveOAuth2AccessTokenResponseClient.class,
				OAuth2RefreshTokenGrantRequest.class);
		return (ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest>) context.getBeanProvider(type)
			.getObject();
	}

	private interface RefreshAssertion {

		void accept(ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> client,
				OAuth2RefreshTokenGrantRequest request);

	}

}
