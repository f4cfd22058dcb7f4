package io.hitkey.spring.autoconfigure;

import io.hitkey.spring.HitKeyClientRegistrations;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where HitKey calls the application back, on either stack: the path of
 * {@code hitkey.redirect-uri}, relative to the application's context path. Spring
 * Security processes callbacks at {@value #SPRING_DEFAULT_PREFIX}{@code {registrationId}}
 * unless told otherwise; a redirect URI elsewhere (such as {@code {baseUrl}/callback})
 * needs the sign-in to be processed at its path, or HitKey's callback is never processed
 * and the user is sent to sign in again, without end.
 *
 * @author HitKey
 */
public final class HitKeyCallbackPath {

	/**
	 * The start of the path at which Spring Security processes callbacks by default,
	 * followed by one segment, the registration id.
	 */
	public static final String SPRING_DEFAULT_PREFIX = "/login/oauth2/code/";

	private HitKeyCallbackPath() {
	}

	/**
	 * Return the path HitKey calls back, from a redirect URI template.
	 * @param redirectUri the redirect URI template, such as
	 * {@code {baseUrl}/login/oauth2/code/{registrationId}} or
	 * {@code https://app.example.com/callback}
	 * @return the path, relative to the context path for a template that starts with
	 * {@code {baseUrl}}; {@code /} when the URI has none
	 */
	public static String of(String redirectUri) {
		String uri = redirectUri.replace("{registrationId}", HitKeyClientRegistrations.REGISTRATION_ID)
			.replace("{action}", "login");
		String path = uri.startsWith("{baseUrl}") ? uri.substring("{baseUrl}".length())
				: UriComponentsBuilder.fromUriString(uri).build().getPath();
		if (path != null) {
			int query = path.indexOf('?');
			path = (query >= 0) ? path.substring(0, query) : path;
		}
		return (path != null && !path.isEmpty()) ? path : "/";
	}

	/**
	 * Return whether Spring Security processes callbacks at the given path without being
	 * told: whether it is {@value #SPRING_DEFAULT_PREFIX} followed by one segment.
	 * @param path a callback path, from {@link #of(String)}
	 * @return whether the path is one of Spring Security's default callback paths
	 */
	public static boolean isSpringDefault(String path) {
		if (!path.startsWith(SPRING_DEFAULT_PREFIX)) {
			return false;
		}
		String segment = path.substring(SPRING_DEFAULT_PREFIX.length());
		return !segment.isEmpty() && segment.indexOf('/') < 0;
	}

}
