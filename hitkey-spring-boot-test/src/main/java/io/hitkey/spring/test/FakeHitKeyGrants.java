package io.hitkey.spring.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * What {@link FakeHitKey} has handed out: authorization codes (single use, ten minutes),
 * access tokens and refresh tokens (never rotated).
 *
 * @author HitKey
 */
final class FakeHitKeyGrants {

	static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

	static final Duration REFRESH_TOKEN_IDLE_LIMIT = Duration.ofDays(30);

	static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(90);

	private static final SecureRandom random = new SecureRandom();

	private final Map<String, Code> codes = new ConcurrentHashMap<>();

	private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();

	private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();

	private final Clock clock;

	FakeHitKeyGrants(Clock clock) {
		this.clock = clock;
	}

	String issueCode(String clientId, String redirectUri, FakeHitKeyUser user, Set<String> scopes,
			@Nullable String codeChallenge, @Nullable String codeChallengeMethod) {
		String code = randomValue("hkc_");
		this.codes.put(code, new Code(clientId, redirectUri, user, scopes, codeChallenge, codeChallengeMethod,
				this.clock.instant().plus(CODE_LIFETIME)));
		return code;
	}

	/**
	 * Take the code: whatever the outcome of the exchange, a code is used once only.
	 */
	@Nullable Code redeemCode(String code) {
		Code redeemed = this.codes.remove(code);
		return (redeemed != null && this.clock.instant().isBefore(redeemed.expiresAt())) ? redeemed : null;
	}

	AccessToken issueAccessToken(String clientId, FakeHitKeyUser user, Set<String> scopes, Duration lifetime) {
		AccessToken token = new AccessToken(randomValue("hkat_"), clientId, user, scopes,
				this.clock.instant().plus(lifetime));
		this.accessTokens.put(token.value(), token);
		return token;
	}

	RefreshToken issueRefreshToken(String clientId, FakeHitKeyUser user, Set<String> scopes) {
		Instant now = this.clock.instant();
		RefreshToken token = new RefreshToken(randomValue("hkrt_"), clientId, user, scopes, now, now);
		this.refreshTokens.put(token.value(), token);
		return token;
	}

	@Nullable AccessToken validAccessToken(String value) {
		AccessToken token = this.accessTokens.get(value);
		return (token != null && this.clock.instant().isBefore(token.expiresAt())) ? token : null;
	}

	/**
	 * Use a refresh token: valid for 30 days after its last use and 90 days after it was
	 * issued, as at HitKey.
	 */
	@Nullable RefreshToken useRefreshToken(String value) {
		Instant now = this.clock.instant();
		RefreshToken used = this.refreshTokens.computeIfPresent(value,
				(key, token) -> token.isValidAt(now) ? token.usedAt(now) : null);
		return used;
	}

	void expireAccessTokens() {
		this.accessTokens.clear();
	}

	void revokeRefreshTokens() {
		this.refreshTokens.clear();
	}

	private static String randomValue(String prefix) {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static boolean verifiesChallenge(@Nullable String verifier, String challenge, @Nullable String method) {
		if (verifier == null) {
			return false;
		}
		// RFC 7636: without a method, the challenge is the plain verifier.
		if (method == null || "plain".equals(method)) {
			return MessageDigest.isEqual(verifier.getBytes(StandardCharsets.US_ASCII),
					challenge.getBytes(StandardCharsets.US_ASCII));
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
			return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
					challenge.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Code(String clientId, String redirectUri, FakeHitKeyUser user, Set<String> scopes,
			@Nullable String codeChallenge, @Nullable String codeChallengeMethod, Instant expiresAt) {
	}

	record AccessToken(String value, String clientId, FakeHitKeyUser user, Set<String> scopes, Instant expiresAt) {
	}

	record RefreshToken(String value, String clientId, FakeHitKeyUser user, Set<String> scopes, Instant issuedAt,
			Instant lastUsedAt) {

		boolean isValidAt(Instant now) {
			return now.isBefore(this.lastUsedAt.plus(REFRESH_TOKEN_IDLE_LIMIT))
					&& now.isBefore(this.issuedAt.plus(REFRESH_TOKEN_LIFETIME));
		}

		RefreshToken usedAt(Instant now) {
			return new RefreshToken(this.value, this.clientId, this.user, this.scopes, this.issuedAt, now);
		}

	}

}
