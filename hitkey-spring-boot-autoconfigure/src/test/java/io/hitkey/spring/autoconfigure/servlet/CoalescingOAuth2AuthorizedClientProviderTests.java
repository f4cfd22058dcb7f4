package io.hitkey.spring.autoconfigure.servlet;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static org.assertj.core.api.Assertions.assertThat;

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
