package io.hitkey.spring.web.server;

import java.nio.charset.StandardCharsets;

import io.hitkey.spring.HitKeyClientRegistrations;
import io.hitkey.spring.autoconfigure.HitKeyApiRequests;
import io.hitkey.spring.autoconfigure.HitKeyRefreshFailures;
import io.hitkey.spring.autoconfigure.HitKeySignIn;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Turns a failed refresh of HitKey's access token into an answer the user can act on,
 * instead of an error 500, as the servlet side does. When HitKey no longer accepts the
 * refresh token (it expired, or reached HitKey's 90-day cap), the user is signed out
 * (the session loses its attributes, the signed-in user and the tokens among them, and
 * gets a new id): an API client gets a {@code 401} with HitKey's challenge and JSON body
 * (see {@link HitKeySignIn}), a browser is sent to sign in again through Spring
 * Security's {@link ClientAuthorizationRequiredException} path and comes back to the page
 * it asked for. When HitKey is down, slow or answers garbage, the answer is a
 * {@code 503} with {@code Retry-After} (the application's error page), and the session
 * and its tokens are kept for the next try. Failures of other registrations are left
 * alone.
 *
 * @author HitKey
 */
final class HitKeyRefreshFailureWebFilter implements WebFilter {

	private static final Log logger = LogFactory.getLog(HitKeyRefreshFailureWebFilter.class);

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange).onErrorResume((ex) -> {
			ClientAuthorizationException failure = HitKeyRefreshFailures.find(ex);
			if (failure == null || exchange.getResponse().isCommitted()) {
				return Mono.error(ex);
			}
			if (HitKeyRefreshFailures.requiresSignIn(failure.getError())) {
				logger.info(HitKeyRefreshFailures.refusedLogLine(failure.getError()));
				return signOut(exchange).then(Mono.defer(() -> signInAgain(exchange)));
			}
			logger.warn(HitKeyRefreshFailures.unavailableLogLine(failure.getError()));
			exchange.getResponse()
				.getHeaders()
				.set(HttpHeaders.RETRY_AFTER, String.valueOf(HitKeyRefreshFailures.RETRY_AFTER.toSeconds()));
			return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					HitKeyRefreshFailures.UNAVAILABLE_MESSAGE));
		});
	}

	/**
	 * Drop everything the session holds and give it a new id. The session itself is
	 * kept, not invalidated: a browser's way back to the page it asked for and its new
	 * sign-in are stored in it by this very answer.
	 */
	private static Mono<Void> signOut(ServerWebExchange exchange) {
		return exchange.getSession().flatMap((session) -> {
			session.getAttributes().clear();
			return session.changeSessionId();
		});
	}

	private static Mono<Void> signInAgain(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		if (HitKeyApiRequests.isApiRequest(headers.getFirst(HttpHeaders.ACCEPT), headers.getFirst("X-Requested-With"))) {
			return unauthorized(exchange.getResponse(), exchange.getRequest().getPath().contextPath().value());
		}
		// OAuth2AuthorizationRequestRedirectWebFilter of oauth2Login() and oauth2Client()
		// saves the request and sends the browser to HitKey.
		return Mono.error(new ClientAuthorizationRequiredException(HitKeyClientRegistrations.REGISTRATION_ID));
	}

	private static Mono<Void> unauthorized(ServerHttpResponse response, String contextPath) {
		String signIn = HitKeySignIn.path(contextPath);
		response.setStatusCode(HttpStatus.UNAUTHORIZED);
		response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, HitKeySignIn.challenge(signIn));
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		byte[] body = HitKeySignIn.body(signIn).getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
