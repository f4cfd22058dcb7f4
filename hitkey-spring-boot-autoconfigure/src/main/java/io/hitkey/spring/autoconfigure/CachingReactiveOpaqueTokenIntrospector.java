package io.hitkey.spring.autoconfigure;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;

/**
 * Puts {@link ValidatedTokens} in front of a reactive application's introspector.
 * Concurrent requests with the same token share one check, which a request that goes
 * away does not cancel for the others.
 *
 * @author HitKey
 */
final class CachingReactiveOpaqueTokenIntrospector implements ReactiveOpaqueTokenIntrospector {

	private final ReactiveOpaqueTokenIntrospector introspector;

	private final ValidatedTokens tokens;

	CachingReactiveOpaqueTokenIntrospector(ReactiveOpaqueTokenIntrospector introspector, ValidatedTokens tokens) {
		this.introspector = introspector;
		this.tokens = tokens;
	}

	@Override
	public Mono<OAuth2AuthenticatedPrincipal> introspect(String token) {
		// The check runs in the context of the request that starts it: its observation
		// (the parent of HitKey's call) among others.
		return Mono.deferContextual((context) -> Mono.fromFuture(() -> this.tokens.validate(token,
				(checked) -> this.introspector.introspect(checked).contextWrite(context).toFuture()), true));
	}

}
