package io.hitkey.spring.autoconfigure;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;

/**
 * Observes each request to HitKey's callback as {@code hitkey.signin} (see
 * {@link HitKeyObservations}), the reactive counterpart of
 * {@code SignInObservationFilter}: in front of Spring Security's filter chains, with the
 * observation in the Reactor context while a chain processes the callback, where the
 * token and userinfo {@code WebClient} calls find their parent. The outcome is what the
 * chain left in the session: the security context it saved, or the failure a failure
 * handler kept for the failure page.
 *
 * @author HitKey
 */
final class SignInObservationWebFilter implements WebFilter, Ordered {

	/**
	 * Just before Spring Security's {@code WebFilterChainProxy}.
	 */
	static final int ORDER = -101;

	private static final String SECURITY_CONTEXT = WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME;

	private final String callbackPath;

	private final ObservationRegistry registry;

	SignInObservationWebFilter(String callbackPath, ObservationRegistry registry) {
		this.callbackPath = callbackPath;
		this.registry = registry;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.callbackPath.equals(exchange.getRequest().getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		return exchange.getSession().flatMap((session) -> observed(exchange, chain, session));
	}

	private Mono<Void> observed(ServerWebExchange exchange, WebFilterChain chain, WebSession session) {
		Object context = session.getAttribute(SECURITY_CONTEXT);
		Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		return Mono.deferContextual((reactorContext) -> {
			Observation observation = HitKeyObservations.startSignIn(this.registry,
					reactorContext.getOrDefault(ObservationThreadLocalAccessor.KEY, null));
			return chain.filter(exchange)
				.doOnError(observation::error)
				.doFinally((signal) -> HitKeyObservations.endSignIn(observation,
						changed(session, SECURITY_CONTEXT, context),
						changed(session, WebAttributes.AUTHENTICATION_EXCEPTION, failure)))
				.contextWrite((inner) -> inner.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private static @Nullable Object changed(WebSession session, String name, @Nullable Object before) {
		Object after = session.getAttribute(name);
		return (after != before) ? after : null;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
