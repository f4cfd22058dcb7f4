package io.hitkey.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ValidatedTokens}.
 */
class ValidatedTokensTests {

	private static final Duration MAX_CHECK = Duration.ofSeconds(9);

	private final MutableClock clock = new MutableClock();

	private final AtomicInteger checks = new AtomicInteger();

	private final ValidatedTokens tokens = new ValidatedTokens(Duration.ofSeconds(60), 100, MAX_CHECK, this.clock);

	@Test
	void keepsAnAcceptedTokenForTheTimeToLive() {
		assertThat(name(this.tokens.validate("token", this::accept))).isEqualTo("owner of token");
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(name(this.tokens.validate("token", this::accept))).isEqualTo("owner of token");
		assertThat(this.checks).hasValue(1);
		this.clock.advance(Duration.ofSeconds(1));
		this.tokens.validate("token", this::accept).join();
		assertThat(this.checks).hasValue(2);
	}

	@Test
	void concurrentRequestsWithANewTokenShareOneCheck() {
		CompletableFuture<OAuth2AuthenticatedPrincipal> underWay = new CompletableFuture<>();
		Function<String, CompletableFuture<OAuth2AuthenticatedPrincipal>> slow = (token) -> {
			this.checks.incrementAndGet();
			return underWay;
		};
		List<CompletableFuture<OAuth2AuthenticatedPrincipal>> answers = List.of(this.tokens.validate("token", slow),
				this.tokens.validate("token", slow), this.tokens.validate("token", slow));
		assertThat(answers).noneMatch(CompletableFuture::isDone);
		underWay.complete(principal("token"));
		assertThat(answers).allSatisfy((answer) -> assertThat(name(answer)).isEqualTo("owner of token"));
		assertThat(this.checks).hasValue(1);
	}

	@Test
	void tellsTokensApart() {
		assertThat(name(this.tokens.validate("one", this::accept))).isEqualTo("owner of one");
		assertThat(name(this.tokens.validate("two", this::accept))).isEqualTo("owner of two");
		assertThat(name(this.tokens.validate("one", this::accept))).isEqualTo("owner of one");
		assertThat(this.checks).hasValue(2);
	}

	@Test
	void keepsARefusalForAFewSecondsOnly() {
		Function<String, CompletableFuture<OAuth2AuthenticatedPrincipal>> refuse = (token) -> {
			this.checks.incrementAndGet();
			return CompletableFuture.failedFuture(new BadOpaqueTokenException("refused"));
		};
		assertThat(this.tokens.validate("token", refuse)).isCompletedExceptionally();
		this.clock.advance(ValidatedTokens.REFUSED_TIME_TO_LIVE.minusMillis(1));
		assertThat(this.tokens.validate("token", refuse)).isCompletedExceptionally();
		assertThat(this.checks).hasValue(1);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(name(this.tokens.validate("token", this::accept))).isEqualTo("owner of token");
		assertThat(this.checks).hasValue(2);
	}

	@Test
	void neverKeepsACheckHitKeyCouldNotAnswer() {
		Function<String, CompletableFuture<OAuth2AuthenticatedPrincipal>> unavailable = (token) -> {
			this.checks.incrementAndGet();
			throw HitKeyBearerTokenFailures.unavailable("HitKey answered HTTP 503", null);
		};
		assertThat(this.tokens.validate("token", unavailable)).isCompletedExceptionally();
		assertThat(name(this.tokens.validate("token", this::accept))).isEqualTo("owner of token");
		assertThat(this.checks).hasValue(2);
		assertThat(this.tokens.size()).isOne();
	}

	@Test
	void neverTrustsATokenBeyondTheExpiryItStates() {
		String jwt = jwt(this.clock.instant().plusSeconds(10).getEpochSecond());
		this.tokens.validate(jwt, this::accept).join();
		this.clock.advance(Duration.ofSeconds(9));
		this.tokens.validate(jwt, this::accept).join();
		assertThat(this.checks).hasValue(1);
		this.clock.advance(Duration.ofSeconds(1));
		this.tokens.validate(jwt, this::accept).join();
		assertThat(this.checks).hasValue(2);
	}

	@Test
	void anExpiryInATokenNeverLengthensTheTimeToLive() {
		String jwt = jwt(this.clock.instant().plus(Duration.ofDays(1)).getEpochSecond());
		this.tokens.validate(jwt, this::accept).join();
		this.clock.advance(Duration.ofSeconds(60));
		this.tokens.validate(jwt, this::accept).join();
		assertThat(this.checks).hasValue(2);
	}

	@Test
	void staysWithinItsSizeDroppingTheTokensThatExpireFirst() {
		for (int i = 0; i < 1000; i++) {
			this.tokens.validate("token-" + i, this::accept).join();
			this.clock.advance(Duration.ofMillis(10));
			assertThat(this.tokens.size()).isLessThanOrEqualTo(100);
		}
		int before = this.checks.get();
		this.tokens.validate("token-999", this::accept).join();
		this.tokens.validate("token-0", this::accept).join();
		assertThat(this.checks.get() - before).as("the newest is kept, the oldest dropped").isOne();
	}

	@Test
	void aTimeToLiveOfZeroAsksHitKeyEveryTime() {
		ValidatedTokens uncached = new ValidatedTokens(Duration.ZERO, 100, MAX_CHECK, this.clock);
		uncached.validate("token", this::accept).join();
		uncached.validate("token", this::accept).join();
		assertThat(this.checks).hasValue(2);
		assertThat(uncached.size()).isZero();
	}

	@Test
	void aTimeToLiveBeyondTheLifeOfAnAccessTokenFailsWithTheProperty() {
		HitKeyProperties properties = new HitKeyProperties();
		properties.getResourceServer().getCache().setTimeToLive(Duration.ofMinutes(61));
		assertThatExceptionOfType(InvalidHitKeyPropertyException.class)
			.isThrownBy(() -> ValidatedTokens.of(properties))
			.withMessageContaining("hitkey.resource-server.cache.time-to-live")
			.withMessageContaining("between 0s and 1h");
	}

	@Test
	void aCheckThatNeverEndsStandsForItsTokenNoLongerThanAHitKeyCallMayTake() {
		CompletableFuture<OAuth2AuthenticatedPrincipal> stuck = new CompletableFuture<>();
		Function<String, CompletableFuture<OAuth2AuthenticatedPrincipal>> never = (token) -> {
			this.checks.incrementAndGet();
			return stuck;
		};
		CompletableFuture<OAuth2AuthenticatedPrincipal> first = this.tokens.validate("token", never);
		this.clock.advance(MAX_CHECK.minusMillis(1));
		assertThat(this.tokens.validate("token", this::accept)).isSameAs(first);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(name(this.tokens.validate("token", this::accept))).isEqualTo("owner of token");
		assertThat(this.checks).hasValue(2);
	}

	@Test
	void aCheckThatFailsWithAnErrorLeavesNothingBehind() {
		Function<String, CompletableFuture<OAuth2AuthenticatedPrincipal>> broken = (token) -> {
			throw new StackOverflowError();
		};
		assertThatExceptionOfType(StackOverflowError.class).isThrownBy(() -> this.tokens.validate("token", broken));
		assertThat(this.tokens.size()).isZero();
		assertThat(name(this.tokens.validate("token", this::accept))).isEqualTo("owner of token");
	}

	@Test
	void checksUnderWayAreNeverDroppedForSize() {
		ValidatedTokens small = new ValidatedTokens(Duration.ofSeconds(60), 1, MAX_CHECK, this.clock);
		CompletableFuture<OAuth2AuthenticatedPrincipal> underWay = new CompletableFuture<>();
		Function<String, CompletableFuture<OAuth2AuthenticatedPrincipal>> slow = (token) -> {
			this.checks.incrementAndGet();
			return underWay;
		};
		CompletableFuture<OAuth2AuthenticatedPrincipal> one = small.validate("one", slow);
		small.validate("two", slow);
		small.validate("three", slow);
		assertThat(small.validate("one", slow)).isSameAs(one);
		assertThat(this.checks).hasValue(3);
	}

	@Test
	void aSizeBelowOneFailsWithTheProperty() {
		HitKeyProperties properties = new HitKeyProperties();
		properties.getResourceServer().getCache().setMaxSize(0);
		assertThatExceptionOfType(InvalidHitKeyPropertyException.class)
			.isThrownBy(() -> ValidatedTokens.of(properties))
			.withMessageContaining("hitkey.resource-server.cache.max-size");
	}

	private CompletableFuture<OAuth2AuthenticatedPrincipal> accept(String token) {
		this.checks.incrementAndGet();
		return CompletableFuture.completedFuture(principal(token));
	}

	private static OAuth2AuthenticatedPrincipal principal(String token) {
		return new DefaultOAuth2AuthenticatedPrincipal("owner of " + token, Map.of("sub", "owner of " + token),
				List.of());
	}

	private static String name(CompletableFuture<OAuth2AuthenticatedPrincipal> answer) {
		return answer.join().getName();
	}

	private static String jwt(long exp) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(("{\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8)) + ".signature";
	}

}
