package io.hitkey.spring.web;

import io.hitkey.spring.autoconfigure.HitKeyApiRequests;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Requests from API clients rather than browsers, as {@link HitKeyApiRequests} tells
 * them apart. They get status codes, never a redirect to HitKey they could not follow.
 *
 * @author HitKey
 */
final class ApiRequests {

	static final RequestMatcher MATCHER = (request) -> HitKeyApiRequests
		.isApiRequest(request.getHeader(HttpHeaders.ACCEPT), request.getHeader("X-Requested-With"));

	private ApiRequests() {
	}

}
