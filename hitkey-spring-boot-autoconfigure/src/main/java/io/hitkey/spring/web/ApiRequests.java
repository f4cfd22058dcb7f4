package io.hitkey.spring.web;

import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Requests from API clients rather than browsers: they ask for JSON, or are sent by
 * script ({@code X-Requested-With: XMLHttpRequest}). They get status codes, never a
 * redirect to HitKey they could not follow.
 *
 * @author HitKey
 */
final class ApiRequests {

	static final RequestMatcher MATCHER = create();

	private ApiRequests() {
	}

	private static RequestMatcher create() {
		MediaTypeRequestMatcher json = new MediaTypeRequestMatcher(MediaType.APPLICATION_JSON);
		json.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		return new OrRequestMatcher(json, new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest"));
	}

}
