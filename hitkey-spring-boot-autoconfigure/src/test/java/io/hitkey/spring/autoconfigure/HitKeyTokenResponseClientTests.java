package io.hitkey.spring.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ResolvableType;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the token response clients that the starter defines, called directly
 * against WireMock.
 */
class HitKeyTokenResponseClientTests {

	@RegisterExtension
	static WireMockExtension hitKey = HitKeyStubs.hitKey();

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HitKeyAutoConfiguration.class,
				HitKeyOAuth2ClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
				RestTemplateAutoConfiguration.class))
		.withPropertyValues("hitkey.client-id=" + HitKeyStubs.CLIENT_ID,
				"hitkey.client-secret=" + HitKeyStubs.CLIENT_SECRET, "hitkey.api-url=" + hitKey.baseUrl());

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			400 | Invalid or expired authorization code | invalid_grant
			400 | Invalid client_id                     | invalid_client
			400 | redirect_uri doesn't match            | invalid_grant
			401 | Unauthorized                          | invalid_token
			429 | Too many requests                     | temporarily_unavailable
			500 | Internal error                        | server_error
			""")
	void hitKeyErrorsCarryHitKeysMessage(int status, String message, String errorCode) {
		hitKey.stubFor(post(urlEqualTo("/oauth/token")).willReturn(HitKeyStubs.hitKeyError(status, message)));
		run((context) -> assertThatExceptionOfType(OAuth2AuthorizationException.class)
			.isThrownBy(() -> authorizationCodeClient(context).getTokenResponse(codeGrant(hitKeyRegistration(context))))
			.satisfies((ex) -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo(errorCode);
				assertThat(ex.getError().getDescription()).isEqualTo(message);
			}));
	}

	@Test
	void errorWithoutAJsonBodyIsDescribedByItsStatus() {
		hitKey.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body><h1>502 Bad Gateway</h1><pre>upstream secret stack</pre></body></html>")));
		run((context) -> assertThatExceptionOfType(OAuth2AuthorizationException.class)
			.isThrownBy(() -> authorizationCodeClient(context).getTokenResponse(codeGrant(hitKeyRegistration(context))))
			.satisfies((ex) -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo("server_error");
				assertThat(ex.getError().getDescription()).isEqualTo("HitKey answered HTTP 502");
				assertThat(ex).hasMessageNotContaining("upstream");
			}));
	}

	@Test
	void standardOAuth2ErrorsAreKept() {
		hitKey.stubFor(post(urlEqualTo("/oauth/token"))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"invalid_scope\",\"error_description\":\"Scope not allowed\"}")));
		run((context) -> assertThatExceptionOfType(OAuth2AuthorizationException.class)
			.isThrownBy(() -> authorizationCodeClient(context).getTokenResponse(codeGrant(hitKeyRegistration(context))))
			.satisfies((ex) -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_scope");
				assertThat(ex.getError().getDescription()).isEqualTo("Scope not allowed");
			}));
	}

	@ParameterizedTest
	@CsvSource({ "unauthorized_client", "invalid_scope", "invalid_request" })
	void standardOAuth2ErrorCodesWithoutDescriptionAreKept(String errorCode) {
		hitKey.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"" + errorCode + "\"}")));
		run((context) -> assertThatExceptionOfType(OAuth2AuthorizationException.class)
			.isThrownBy(() -> authorizationCodeClient(context).getTokenResponse(codeGrant(hitKeyRegistration(context))))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo(errorCode)));
	}

	@Test
	void refreshSlowerThanTheReadTimeoutFailsWithinTheTimeout() {
		hitKey.stubFor(post(urlEqualTo("/oauth/token"))
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-2", "rt-1", 3600)).withFixedDelay(4_000)));
		this.contextRunner.withPropertyValues("hitkey.read-timeout=500ms").run((context) -> {
			long start = System.nanoTime();
			assertThatExceptionOfType(OAuth2AuthorizationException.class)
				.isThrownBy(() -> refreshClient(context).getTokenResponse(refreshGrant(hitKeyRegistration(context))))
				.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_token_response"));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_000));
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "jdk", "reactor" })
	@Timeout(30)
	void aTrickledAnswerFailsTheCallCleanlyWhateverTheHttpClient(String factory) {
		// Chunks of a body that would take a minute; Reactor Netty fails such a read with
		// an unchecked ReadTimeoutException.
		hitKey.stubFor(post(urlEqualTo("/oauth/token"))
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-2", "rt-1", 3600)).withChunkedDribbleDelay(120, 60_000)));
		this.contextRunner.withConfiguration(AutoConfigurations.of(ImperativeHttpClientAutoConfiguration.class))
			.withPropertyValues("hitkey.connect-timeout=1s", "hitkey.read-timeout=2s",
					"spring.http.clients.imperative.factory=" + factory)
			.run((context) -> assertThatExceptionOfType(OAuth2AuthorizationException.class)
				.isThrownBy(() -> refreshClient(context).getTokenResponse(refreshGrant(hitKeyRegistration(context))))
				.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_token_response")));
	}

	@Test
	void refreshSendsExactlyTheDocumentedJson() {
		hitKey.stubFor(post(urlEqualTo("/oauth/token"))
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-2", "rt-1", 3600))));
		run((context) -> {
			OAuth2AccessTokenResponse response = refreshClient(context)
				.getTokenResponse(refreshGrant(hitKeyRegistration(context)));
			assertThat(response.getAccessToken().getTokenValue()).isEqualTo("at-2");
			assertThat(response.getRefreshToken().getTokenValue()).isEqualTo("rt-1");
			assertThat(response.getAccessToken().getScopes()).contains("openid");
			hitKey.verify(postRequestedFor(urlEqualTo("/oauth/token"))
				.withHeader("Content-Type", equalTo("application/json"))
				.withHeader("Accept", equalTo("application/json"))
				.withRequestBody(equalToJson("""
						{"grant_type":"refresh_token","refresh_token":"rt-1","client_id":"%s","client_secret":"%s"}
						""".formatted(HitKeyStubs.CLIENT_ID, HitKeyStubs.CLIENT_SECRET))));
		});
	}

	@Test
	void otherRegistrationsKeepTheStandardFormRequest() {
		hitKey.stubFor(post(urlEqualTo("/other/token")).willReturn(okJson(HitKeyStubs.tokenResponse("x", "y", 60))));
		ClientRegistration other = ClientRegistration.withRegistrationId("other")
			.clientId("other-client")
			.clientSecret("other-secret")
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("http://localhost/login/oauth2/code/other")
			.authorizationUri("http://localhost/authorize")
			.tokenUri(hitKey.baseUrl() + "/other/token")
			.build();
		run((context) -> {
			authorizationCodeClient(context).getTokenResponse(codeGrant(other));
			hitKey.verify(postRequestedFor(urlEqualTo("/other/token"))
				.withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
				.withHeader("Authorization", containing("Basic "))
				.withRequestBody(containing("grant_type=authorization_code")));
		});
	}

	@Test
	void theJdkClientRunsOnAPoolOfItsOwnThatEndsWithTheContext() {
		hitKey.stubFor(post(urlEqualTo("/oauth/token"))
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-1", "rt-1", 3600))));
		// Other tests' application contexts, cached by Spring, keep pools of their own.
		List<Thread> others = hitKeyHttpThreads();
		List<Thread> pooled = new ArrayList<>();
		this.contextRunner.withConfiguration(AutoConfigurations.of(ImperativeHttpClientAutoConfiguration.class))
			.withPropertyValues("spring.http.clients.imperative.factory=jdk")
			.run((context) -> {
			authorizationCodeClient(context).getTokenResponse(codeGrant(hitKeyRegistration(context)));
			hitKeyHttpThreads().stream().filter((thread) -> !others.contains(thread)).forEach(pooled::add);
		});
		assertThat(pooled).isNotEmpty();
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(pooled).noneMatch(Thread::isAlive));
	}

	private static List<Thread> hitKeyHttpThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith("hitkey-http-"))
			.toList();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void debugLoggingOfTheHttpClientShowsNoSecrets(CapturedOutput output) {
		hitKey.stubFor(post(urlEqualTo("/oauth/token"))
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-secret-value", "rt-secret-value", 3600))));
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel("org.springframework.web", LogLevel.TRACE);
		logging.setLogLevel("org.springframework.security", LogLevel.TRACE);
		try {
			run((context) -> {
				authorizationCodeClient(context).getTokenResponse(codeGrant(hitKeyRegistration(context)));
				refreshClient(context).getTokenResponse(refreshGrant(hitKeyRegistration(context)));
			});
		}
		finally {
			logging.setLogLevel("org.springframework.web", null);
			logging.setLogLevel("org.springframework.security", null);
		}
		assertThat(output).contains("Writing [{grant_type=[authorization_code]")
			.contains("client_secret=[******]")
			.doesNotContain(HitKeyStubs.CLIENT_SECRET)
			.doesNotContain("code-1")
			.doesNotContain("rt-1")
			.doesNotContain("at-secret-value")
			.doesNotContain("rt-secret-value");
	}

	private void run(Consumer<AssertableWebApplicationContext> test) {
		this.contextRunner.run((context) -> test.accept(context));
	}

	static ClientRegistration hitKeyRegistration(AssertableWebApplicationContext context) {
		return context.getBean(ClientRegistrationRepository.class).findByRegistrationId("hitkey");
	}

	static OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCodeClient(
			AssertableWebApplicationContext context) {
		return context.<OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest>>getBeanProvider(
				ResolvableType.forClassWithGenerics(OAuth2AccessTokenResponseClient.class,
						OAuth2AuthorizationCodeGrantRequest.class))
			.getObject();
	}

	private static OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshClient(
			AssertableWebApplicationContext context) {
		return context.<OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest>>getBeanProvider(
				ResolvableType.forClassWithGenerics(OAuth2AccessTokenResponseClient.class,
						OAuth2RefreshTokenGrantRequest.class))
			.getObject();
	}

	static OAuth2AuthorizationCodeGrantRequest codeGrant(ClientRegistration registration) {
		OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(registration.getProviderDetails().getAuthorizationUri())
			.clientId(registration.getClientId())
			.redirectUri("http://localhost/login/oauth2/code/" + registration.getRegistrationId())
			.state("state")
			.build();
		OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success("code-1")
			.redirectUri(request.getRedirectUri())
			.state("state")
			.build();
		return new OAuth2AuthorizationCodeGrantRequest(registration,
				new OAuth2AuthorizationExchange(request, response));
	}

	private static OAuth2RefreshTokenGrantRequest refreshGrant(ClientRegistration registration) {
		Instant now = Instant.now();
		OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "at-1",
				now.minusSeconds(3600), now.minusSeconds(1));
		return new OAuth2RefreshTokenGrantRequest(registration, accessToken, new OAuth2RefreshToken("rt-1", now));
	}

}
