package io.hitkey.spring.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CoalescingReactiveOAuth2AuthorizedClientProvider}.
 */
class CoalescingReactiveOAuth2AuthorizedClientProviderTests {

	private final ClientRegistration registration = ClientRegistration.withRegistrationId("hitkey")
		.clientId("client")
		.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
		.authorizationUri("https://hitkey.io/")
		.tokenUri("https://api.hitkey.io/oauth/token")
		.build();

	private final OAuth2AuthorizedClient expired = client("at-expired");

	private final AtomicInteger refreshes = new AtomicInteger();

	private final ReactiveOAuth2AuthorizedClientProvider slowRefresh = (context) -> Mono
		.delay(Duration.ofMillis(200))
		.map((tick) -> client("at-refreshed-" + this.refreshes.incrementAndGet()));

	@Test
	void concurrentRequestsWithTheSameExpiredTokenShareOneRefresh() {
		CoalescingReactiveOAuth2AuthorizedClientProvider provider = new CoalescingReactiveOAuth2AuthorizedClientProvider(
				this.slowRefresh, Duration.ofSeconds(10), Duration.ofSeconds(10));

		List<OAuth2AuthorizedClient> clients = Flux.range(0, 20)
			.flatMap((request) -> provider.authorize(context(this.expired)))
			.collectList()
			.block(Duration.ofSeconds(5));

		assertThat(this.refreshes).hasValue(1);
		assertThat(clients).hasSize(20).allSatisfy((client) -> assertThat(client.getAccessToken().getTokenValue())
			.isEqualTo("at-refreshed-1"));
	}

	@Test
	void aRequestThatStillHoldsTheExpiredTokenAfterTheRefreshGetsTheNewOneWithoutAnotherRefresh() {
		CoalescingReactiveOAuth2AuthorizedClientProvider provider = new CoalescingReactiveOAuth2AuthorizedClientProvider(
				this.slowRefresh, Duration.ofSeconds(10), Duration.ofSeconds(10));

		OAuth2AuthorizedClient first = provider.authorize(context(this.expired)).block(Duration.ofSeconds(5));
		OAuth2AuthorizedClient late = provider.authorize(context(this.expired)).block(Duration.ofSeconds(5));

		assertThat(this.refreshes).hasValue(1);
		assertThat(late).isSameAs(first);
	}

	@Test
	void concurrentRequestsShareTheFailureAndTheNextRequestTriesAgain() {
		AtomicInteger attempts = new AtomicInteger();
		CoalescingReactiveOAuth2AuthorizedClientProvider provider = new CoalescingReactiveOAuth2AuthorizedClientProvider(
				(context) -> Mono.delay(Duration.ofMillis(200))
					.then(Mono.error(() -> new OAuth2AuthorizationException(
							new OAuth2Error("invalid_token_response", "attempt " + attempts.incrementAndGet(), null)))),
				Duration.ofSeconds(10), Duration.ofSeconds(10));

		List<Throwable> failures = Flux.range(0, 10)
			.flatMap((request) -> provider.authorize(context(this.expired)).then(Mono.<Throwable>empty())
				.onErrorResume(Mono::just))
			.collectList()
			.block(Duration.ofSeconds(5));

		assertThat(failures).hasSize(10);
		assertThat(attempts).hasValue(1);
		assertThatExceptionOfType(OAuth2AuthorizationException.class)
			.isThrownBy(() -> provider.authorize(context(this.expired)).block(Duration.ofSeconds(5)));
		assertThat(attempts).hasValue(2);
	}

	@Test
	void aRefreshThatHangsAfterItsFirstRequestLeftFailsTheNextRequestAtTheBoundAndTheOneAfterStartsAfresh() {
		AtomicInteger attempts = new AtomicInteger();
		ReactiveOAuth2AuthorizedClientProvider hangsOnce = (context) -> Mono.defer(() -> (attempts.incrementAndGet() == 1)
				? Mono.never() : Mono.just(client("at-refreshed-" + attempts.get())));
		CoalescingReactiveOAuth2AuthorizedClientProvider provider = new CoalescingReactiveOAuth2AuthorizedClientProvider(
				hangsOnce, Duration.ofSeconds(10), Duration.ofMillis(300));

		provider.authorize(context(this.expired)).subscribe().dispose();

		// A failure of HitKey's registration, which the refresh-failure filter answers with 503.
		assertThatExceptionOfType(ClientAuthorizationException.class)
			.isThrownBy(() -> provider.authorize(context(this.expired)).block(Duration.ofSeconds(10)))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_token_response"))
			.satisfies((ex) -> assertThat(ex.getClientRegistrationId()).isEqualTo("hitkey"));
		OAuth2AuthorizedClient next = provider.authorize(context(this.expired)).block(Duration.ofSeconds(10));
		assertThat(next.getAccessToken().getTokenValue()).isEqualTo("at-refreshed-2");
		assertThat(attempts).hasValue(2);
	}

	@Test
	void aRequestThatGoesAwayDoesNotCancelTheSharedRefreshForTheOthers() {
		AtomicInteger cancelled = new AtomicInteger();
		CoalescingReactiveOAuth2AuthorizedClientProvider provider = new CoalescingReactiveOAuth2AuthorizedClientProvider(
				(context) -> this.slowRefresh.authorize(context).doOnCancel(cancelled::incrementAndGet),
				Duration.ofSeconds(10), Duration.ofSeconds(10));

		provider.authorize(context(this.expired)).subscribe().dispose();
		OAuth2AuthorizedClient other = provider.authorize(context(this.expired)).block(Duration.ofSeconds(5));

		assertThat(other.getAccessToken().getTokenValue()).isEqualTo("at-refreshed-1");
		assertThat(this.refreshes).hasValue(1);
		assertThat(cancelled).hasValue(0);
	}

	private OAuth2AuthorizationContext context(OAuth2AuthorizedClient client) {
		return OAuth2AuthorizationContext.withAuthorizedClient(client)
			.principal(new TestingAuthenticationToken("ada", null))
			.build();
	}

	private OAuth2AuthorizedClient client(String accessToken) {
		Instant now = Instant.now();
		return new OAuth2AuthorizedClient(this.registration, "ada",
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, now, now.plusSeconds(3600)));
	}

}
