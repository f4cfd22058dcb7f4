package io.hitkey.spring.web.server;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.hitkey.spring.autoconfigure.HitKeyPendingSignIns;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.web.server.ServerAuthorizationRequestRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Keeps the pending authorization requests of a {@code WebSession}, keyed by state, for
 * as long as HitKey's codes live (ten minutes), at most {@value HitKeyPendingSignIns#MAX_PENDING}: the
 * reactive counterpart of the servlet side's repository. Spring Security's
 * {@code WebSessionOAuth2ServerAuthorizationRequestRepository} keeps only the latest
 * one, so a sign-in started in one tab fails with
 * {@code authorization_request_not_found} once another tab has started its own. The map
 * is replaced, not changed in place, so that shared session stores see the change, and
 * leaves the session once no sign-in is pending.
 *
 * @author HitKey
 */
final class PendingServerAuthorizationRequestRepository
		implements ServerAuthorizationRequestRepository<OAuth2AuthorizationRequest> {

	static final String SESSION_ATTRIBUTE = PendingServerAuthorizationRequestRepository.class.getName() + ".REQUESTS";

	private final Clock clock;

	PendingServerAuthorizationRequestRepository() {
		this(Clock.systemUTC());
	}

	PendingServerAuthorizationRequestRepository(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Mono<OAuth2AuthorizationRequest> loadAuthorizationRequest(ServerWebExchange exchange) {
		String state = state(exchange);
		if (state == null) {
			return Mono.empty();
		}
		return exchange.getSession()
			.mapNotNull((session) -> HitKeyPendingSignIns.of(session.getAttributes().get(SESSION_ATTRIBUTE)).get(state))
			.filter(this::isPending);
	}

	@Override
	public Mono<Void> saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest,
			ServerWebExchange exchange) {
		long now = this.clock.millis();
		return exchange.getSession()
			.doOnNext((session) -> session.getAttributes()
				.compute(SESSION_ATTRIBUTE, (name, current) -> HitKeyPendingSignIns
					.adding(HitKeyPendingSignIns.of(current), authorizationRequest, now)))
			.then();
	}

	@Override
	public Mono<OAuth2AuthorizationRequest> removeAuthorizationRequest(ServerWebExchange exchange) {
		String state = state(exchange);
		if (state == null) {
			return Mono.empty();
		}
		MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
		if (!StringUtils.hasText(query.getFirst(OAuth2ParameterNames.CODE))
				&& !StringUtils.hasText(query.getFirst(OAuth2ParameterNames.ERROR))) {
			// Not an authorization response: Spring Security's reactive converter would
			// fail it with an IllegalArgumentException, an error 500. Fail the sign-in as
			// the servlet side does, and keep the pending sign-in for the real callback.
			return Mono.error(new OAuth2AuthorizationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST)));
		}
		return exchange.getSession().mapNotNull((session) -> {
			OAuth2AuthorizationRequest[] removed = new OAuth2AuthorizationRequest[1];
			session.getAttributes().computeIfPresent(SESSION_ATTRIBUTE, (name, current) -> {
				LinkedHashMap<String, OAuth2AuthorizationRequest> requests = new LinkedHashMap<>(
						HitKeyPendingSignIns.of(current));
				removed[0] = requests.remove(state);
				return (requests.isEmpty()) ? null : requests;
			});
			return removed[0];
		}).filter(this::isPending);
	}

	private boolean isPending(OAuth2AuthorizationRequest request) {
		return HitKeyPendingSignIns.isPending(request, this.clock.millis());
	}

	private static @Nullable String state(ServerWebExchange exchange) {
		return exchange.getRequest().getQueryParams().getFirst(OAuth2ParameterNames.STATE);
	}

}
