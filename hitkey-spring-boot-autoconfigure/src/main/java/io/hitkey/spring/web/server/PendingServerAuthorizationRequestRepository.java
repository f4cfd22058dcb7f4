package io.hitkey.spring.web.server;

import java.time.Clock;
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
 * Keeps the pending authorization requests of a {@code WebSession}, each in an attribute
 * of its own (see {@link HitKeyPendingSignIns}), for as long as HitKey's codes live: the
 * reactive counterpart of the servlet side's repository. Spring Security's
 * {@code WebSessionOAuth2ServerAuthorizationRequestRepository} keeps only the latest
 * one, so a sign-in started in one tab fails with
 * {@code authorization_request_not_found} once another tab has started its own.
 *
 * @author HitKey
 */
final class PendingServerAuthorizationRequestRepository
		implements ServerAuthorizationRequestRepository<OAuth2AuthorizationRequest> {

	/**
	 * Where earlier versions of the starter kept all pending sign-ins, in one attribute.
	 */
	static final String FORMER_ATTRIBUTE = PendingServerAuthorizationRequestRepository.class.getName() + ".REQUESTS";

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
			.mapNotNull((session) -> HitKeyPendingSignIns.pending(
					session.getAttributes().get(HitKeyPendingSignIns.attributeName(state)), this.clock.millis()));
	}

	@Override
	public Mono<Void> saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest,
			ServerWebExchange exchange) {
		return exchange.getSession().doOnNext((session) -> {
			long now = this.clock.millis();
			Map<String, Object> attributes = session.getAttributes();
			HitKeyPendingSignIns.toRemoveBeforeStart(attributes, now).forEach(attributes::remove);
			if (attributes.containsKey(FORMER_ATTRIBUTE)) {
				attributes.remove(FORMER_ATTRIBUTE);
			}
			attributes.put(HitKeyPendingSignIns.attributeName(authorizationRequest.getState()),
					HitKeyPendingSignIns.started(authorizationRequest, now));
		}).then();
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
		return exchange.getSession()
			.mapNotNull((session) -> HitKeyPendingSignIns.pending(
					session.getAttributes().remove(HitKeyPendingSignIns.attributeName(state)), this.clock.millis()));
	}

	private static @Nullable String state(ServerWebExchange exchange) {
		return exchange.getRequest().getQueryParams().getFirst(OAuth2ParameterNames.STATE);
	}

}
