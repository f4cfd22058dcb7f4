package io.hitkey.spring.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Puts {@link ValidatedTokens} in front of a servlet application's introspector. The
 * request that first brings a token checks it on its own thread; concurrent requests with
 * the same token wait for that check, at most as long as a HitKey call may take.
 *
 * @author HitKey
 */
final class CachingOpaqueTokenIntrospector implements OpaqueTokenIntrospector {

	private final OpaqueTokenIntrospector introspector;

	private final ValidatedTokens tokens;

	private final Duration maxWait;

	CachingOpaqueTokenIntrospector(OpaqueTokenIntrospector introspector, ValidatedTokens tokens, Duration maxWait) {
		this.introspector = introspector;
		this.tokens = tokens;
		this.maxWait = maxWait;
	}

	@Override
	public OAuth2AuthenticatedPrincipal introspect(String token) {
		CompletableFuture<OAuth2AuthenticatedPrincipal> answer = this.tokens.validate(token,
				(checked) -> CompletableFuture.completedFuture(this.introspector.introspect(checked)));
		try {
			return answer.get(this.maxWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw HitKeyBearerTokenFailures.unavailable(HitKeyErrors.UNREACHABLE, ex.getCause());
		}
		catch (TimeoutException ex) {
			throw HitKeyBearerTokenFailures.unavailable("HitKey did not answer in time", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw HitKeyBearerTokenFailures.unavailable("Interrupted while HitKey checked the token", ex);
		}
	}

}
