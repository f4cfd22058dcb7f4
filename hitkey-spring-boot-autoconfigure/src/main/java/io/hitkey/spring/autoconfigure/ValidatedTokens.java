package io.hitkey.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;

/**
 * HitKey's answers to Bearer tokens, kept for both stacks, so that a token used again
 * costs no call to HitKey:
 * <ul>
 * <li>a token HitKey accepted is trusted for {@code hitkey.resource-server.cache.time-to-live},
 * and never beyond the {@code exp} its payload states when it has the shape of a JWT
 * (read only to shorten the time, never to accept a token);</li>
 * <li>a token HitKey refused is refused again for {@link #REFUSED_TIME_TO_LIVE};</li>
 * <li>a check HitKey could not answer is not kept at all;</li>
 * <li>concurrent requests with a token not yet known share one check, for as long as a
 * HitKey call may take.</li>
 * </ul>
 * Tokens are kept by their SHA-256 digest, never as they are. Beyond
 * {@code hitkey.resource-server.cache.max-size} tokens, expired ones are dropped first,
 * then those that expire soonest.
 *
 * @author HitKey
 */
final class ValidatedTokens {

	static final Duration REFUSED_TIME_TO_LIVE = Duration.ofSeconds(5);

	/**
	 * How long HitKey's access tokens live, the longest a token can be trusted.
	 */
	static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

	private static final int MAX_JWT_LENGTH = 16 * 1024;

	private static final String TIME_TO_LIVE = "hitkey.resource-server.cache.time-to-live";

	private static final MessageDigest SHA_256 = newSha256();

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final ReentrantLock eviction = new ReentrantLock();

	private final long timeToLive;

	private final int maxSize;

	private final long maxCheck;

	private final Clock clock;

	/**
	 * Create a new cache.
	 * @param timeToLive how long an accepted token is kept
	 * @param maxSize the most tokens kept
	 * @param maxCheck the longest a check is waited for: a check still under way after it
	 * no longer stands for its token, and the next request makes a new one
	 * @param clock the clock
	 */
	ValidatedTokens(Duration timeToLive, int maxSize, Duration maxCheck, Clock clock) {
		this.timeToLive = timeToLive.toMillis();
		this.maxSize = maxSize;
		this.maxCheck = maxCheck.toMillis();
		this.clock = clock;
	}

	/**
	 * Return the cache the given properties ask for.
	 * @throws InvalidHitKeyPropertyException if its time or size is out of bounds
	 */
	static ValidatedTokens of(HitKeyProperties properties) {
		check(properties);
		HitKeyProperties.ResourceServer.Cache cache = properties.getResourceServer().getCache();
		return new ValidatedTokens(cache.getTimeToLive(), cache.getMaxSize(), HitKeyApiCalls.maxWait(properties),
				Clock.systemUTC());
	}

	/**
	 * Check the cache's time and size.
	 * @throws InvalidHitKeyPropertyException if its time or size is out of bounds
	 */
	static void check(HitKeyProperties properties) {
		HitKeyProperties.ResourceServer.Cache cache = properties.getResourceServer().getCache();
		Duration timeToLive = cache.getTimeToLive();
		if (timeToLive == null || timeToLive.isNegative() || timeToLive.compareTo(TOKEN_LIFETIME) > 0) {
			throw new InvalidHitKeyPropertyException(TIME_TO_LIVE, "HITKEY_RESOURCESERVER_CACHE_TIMETOLIVE",
					"must be between 0s and 1h, the life of a HitKey access token");
		}
		if (cache.getMaxSize() < 1) {
			throw new InvalidHitKeyPropertyException("hitkey.resource-server.cache.max-size",
					"HITKEY_RESOURCESERVER_CACHE_MAXSIZE", "must be at least 1");
		}
	}

	/**
	 * Return the answer to the given token: the one kept, the one of a check under way,
	 * or the one of a new check.
	 * @param token the Bearer token
	 * @param check starts HitKey's check of a token
	 * @return the principal, or a failure
	 */
	CompletableFuture<OAuth2AuthenticatedPrincipal> validate(String token,
			Function<String, CompletableFuture<OAuth2AuthenticatedPrincipal>> check) {
		String key = digest(token);
		long now = this.clock.millis();
		Entry kept = this.entries.get(key);
		if (kept != null && kept.isFreshAt(now)) {
			return kept.answer();
		}
		Entry mine = new Entry(new CompletableFuture<>(), now + this.maxCheck, true);
		Entry winner = this.entries.compute(key,
				(digest, current) -> (current != null && current.isFreshAt(now)) ? current : mine);
		if (winner != mine) {
			return winner.answer();
		}
		evictBeyondMaxSize();
		CompletableFuture<OAuth2AuthenticatedPrincipal> checked;
		try {
			checked = check.apply(token);
		}
		catch (RuntimeException ex) {
			checked = CompletableFuture.failedFuture(ex);
		}
		catch (Error ex) {
			settle(key, mine, token, null, ex);
			throw ex;
		}
		checked.whenComplete((principal, failure) -> settle(key, mine, token, principal, failure));
		return mine.answer();
	}

	int size() {
		return this.entries.size();
	}

	private void settle(String key, Entry mine, String token, @Nullable OAuth2AuthenticatedPrincipal principal,
			@Nullable Throwable failure) {
		Throwable cause = (failure != null && failure.getCause() != null
				&& failure instanceof CompletionException) ? failure.getCause() : failure;
		long now = this.clock.millis();
		long keepUntil = (principal != null) ? Math.min(now + this.timeToLive, expiryOf(token))
				: (cause instanceof BadOpaqueTokenException) ? now + REFUSED_TIME_TO_LIVE.toMillis() : now;
		if (keepUntil > now) {
			this.entries.replace(key, mine, new Entry(mine.answer(), keepUntil, false));
		}
		else {
			this.entries.remove(key, mine);
		}
		if (principal != null) {
			mine.answer().complete(principal);
		}
		else {
			mine.answer()
				.completeExceptionally((cause != null) ? cause
						: HitKeyBearerTokenFailures.unavailable(HitKeyErrors.UNREACHABLE, null));
		}
	}

	private void evictBeyondMaxSize() {
		if (this.entries.size() <= this.maxSize || !this.eviction.tryLock()) {
			return;
		}
		try {
			long now = this.clock.millis();
			this.entries.values().removeIf((entry) -> !entry.isFreshAt(now));
			int excess = this.entries.size() - this.maxSize;
			if (excess > 0) {
				// Checks under way are kept: the requests that wait for them would make new ones.
				this.entries.entrySet()
					.stream()
					.filter((entry) -> !entry.getValue().underWay())
					.sorted(Comparator.comparingLong((Map.Entry<String, Entry> entry) -> entry.getValue().keepUntil()))
					.limit(excess + this.maxSize / 10)
					.toList()
					.forEach((entry) -> this.entries.remove(entry.getKey(), entry.getValue()));
			}
		}
		finally {
			this.eviction.unlock();
		}
	}

	/**
	 * Return when the given token expires by its own account, if it has the shape of a
	 * JWT with an {@code exp} claim.
	 */
	private static long expiryOf(String token) {
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3 || token.length() > MAX_JWT_LENGTH) {
			return Long.MAX_VALUE;
		}
		try {
			JsonNode exp = JsonMapper.shared().readTree(Base64.getUrlDecoder().decode(parts[1])).get("exp");
			return (exp != null && exp.isNumber()) ? exp.asLong() * 1000 : Long.MAX_VALUE;
		}
		catch (RuntimeException ex) {
			return Long.MAX_VALUE;
		}
	}

	private static String digest(String token) {
		return Base64.getEncoder().encodeToString(sha256().digest(token.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Return a new SHA-256 digest: a copy of a prepared one, which costs a fraction of
	 * looking the algorithm up among the JVM's security providers on every request.
	 */
	private static MessageDigest sha256() {
		try {
			return (MessageDigest) SHA_256.clone();
		}
		catch (CloneNotSupportedException ex) {
			return newSha256();
		}
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/**
	 * An answer, and until when it is kept; while its check is under way, until when the
	 * check is waited for.
	 */
	private record Entry(CompletableFuture<OAuth2AuthenticatedPrincipal> answer, long keepUntil, boolean underWay) {

		boolean isFreshAt(long now) {
			return now < this.keepUntil;
		}

	}

}
