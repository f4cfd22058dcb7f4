package io.hitkey.spring.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CoalescingOAuth2AuthorizedClientProvider}, one request after the
 * other; {@code ConcurrentRefreshTests} covers concurrent requests over HTTP.
 */
class CoalescingOAuth2AuthorizedClientProviderTests {

	private final ClientRegistration registration = ClientRegistration.withRegistrationId("hitkey")
		.clientId("client")
		.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
		.authorizationUri("https://hitkey.io/")
		.tokenUri("https://api.hitkey.io/oauth/token")
		.build();

	private final OAuth2AuthorizedClient expired = client("at-expired");

	private final AtomicInteger refreshes = new AtomicInteger();

	private final OAuth2AuthorizedClientProvider refreshing = (context) -> client(
			"at-refreshed-" + this.refreshes.incrementAndGet());

	@Test
	void aRequestThatStillHoldsTheExpiredTokenAfterTheRefreshGetsTheNewOneWithoutAnotherRefresh() {
		CoalescingOAuth2AuthorizedClientProvider provider = new CoalescingOAuth2AuthorizedClientProvider(
				this.refreshing, Duration.ofSeconds(10));

		OAuth2AuthorizedClient first = provider.authorize(context(this.expired));
		OAuth2AuthorizedClient late = provider.authorize(context(this.expired));

		assertThat(this.refreshes).hasValue(1);
		assertThat(late).isSameAs(first);
		assertThat(late.getAccessToken().getTokenValue()).isEqualTo("at-refreshed-1");
	}

	@Test
	void theExpiredTokenIsRefreshedAgainOnceAHitKeyCallIsLongOver() throws InterruptedException {
		CoalescingOAuth2AuthorizedClientProvider provider = new CoalescingOAuth2AuthorizedClientProvider(
				this.refreshing, Duration.ofMillis(1));

		provider.authorize(context(this.expired));
		Thread.sleep(50);
		OAuth2AuthorizedClient later = provider.authorize(context(this.expired));

		assertThat(this.refreshes).hasValue(2);
		assertThat(later.getAccessToken().getTokenValue()).isEqualTo("at-refreshed-2");
	}

	@Test
	void aTokenThatNeedsNoRefreshIsAskedAboutEachTime() {
		AtomicInteger asked = new AtomicInteger();
		CoalescingOAuth2AuthorizedClientProvider provider = new CoalescingOAuth2AuthorizedClientProvider(
				(context) -> {
					asked.incrementAndGet();
					return null;
				}, Duration.ofSeconds(10));

		assertThat(provider.authorize(context(this.expired))).isNull();
		assertThat(provider.authorize(context(this.expired))).isNull();
		assertThat(asked).hasValue(2);
	}

	@Test
	@Timeout(30)
	void anErrorThrownByTheRefreshReachesTheRequestsThatWaitForIt() throws Exception {
		CountDownLatch refreshing = new CountDownLatch(1);
		CountDownLatch fail = new CountDownLatch(1);
		CoalescingOAuth2AuthorizedClientProvider provider = new CoalescingOAuth2AuthorizedClientProvider((context) -> {
			refreshing.countDown();
			await(fail);
			throw new RefreshError();
		}, Duration.ofMinutes(10));
		CompletableFuture<OAuth2AuthorizedClient> first = authorizeInOtherThread(provider);
		refreshing.await();
		CompletableFuture<OAuth2AuthorizedClient> waiter = new CompletableFuture<>();
		Thread waiting = new Thread(() -> complete(waiter, provider));
		waiting.start();
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> waiting.getState() == Thread.State.TIMED_WAITING);

		fail.countDown();

		assertThatExceptionOfType(ExecutionException.class).isThrownBy(first::get)
			.withCauseInstanceOf(RefreshError.class);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(waiter::get)
			.withCauseInstanceOf(RefreshError.class);
	}

	@Test
	void aRequestThatMissedARefreshJustBeforeItEndedDoesNotRefreshAgain() {
		CoalescingOAuth2AuthorizedClientProvider provider = new CoalescingOAuth2AuthorizedClientProvider(
				this.refreshing, Duration.ofSeconds(10));
		OAuth2AuthorizationContext context = context(this.expired);
		String key = RecentRefreshes.key(context, this.expired);
		// This request has looked for a recent refresh and found none ...
		OAuth2AuthorizedClient first = provider.authorize(context(this.expired));

		// ... and the refresh ended before it took its place as the one that refreshes.
		OAuth2AuthorizedClient late = provider.refreshOrAwait(context, key, this.expired);

		assertThat(this.refreshes).hasValue(1);
		assertThat(late).isSameAs(first);
	}

	private CompletableFuture<OAuth2AuthorizedClient> authorizeInOtherThread(
			CoalescingOAuth2AuthorizedClientProvider provider) {
		CompletableFuture<OAuth2AuthorizedClient> result = new CompletableFuture<>();
		new Thread(() -> complete(result, provider)).start();
		return result;
	}

	private void complete(CompletableFuture<OAuth2AuthorizedClient> result,
			CoalescingOAuth2AuthorizedClientProvider provider) {
		try {
			result.complete(provider.authorize(context(this.expired)));
		}
		catch (Throwable ex) {
			result.completeExceptionally(ex);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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

	/**
	 * An {@link Error}, such as a {@code NoClassDefFoundError} or a
	 * {@code StackOverflowError}, thrown while refreshing.
	 */
	static class RefreshError extends Error {

	}

}
