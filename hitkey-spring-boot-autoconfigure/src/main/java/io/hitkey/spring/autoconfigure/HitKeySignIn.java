package io.hitkey.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.hitkey.spring.HitKeyClientRegistrations;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a user signs in with HitKey, and how an API client without a signed-in user is
 * told so, on either stack: a {@code 401} with {@link #challenge(String)} in
 * {@code WWW-Authenticate} and {@link #body(String)} as its JSON body, both naming the
 * path where a browser would start to sign in.
 *
 * @author HitKey
 */
public final class HitKeySignIn {

	/**
	 * The path, within the application, where a browser starts to sign in with HitKey:
	 * the starter's authorization request base URI and HitKey's registration id.
	 */
	public static final String PATH = "/oauth2/authorization/" + HitKeyClientRegistrations.REGISTRATION_ID;

	private HitKeySignIn() {
	}

	/**
	 * Return where a browser starts to sign in, in an application served under the given
	 * context path.
	 * @param contextPath the servlet context path or WebFlux base path, empty for none
	 * @return the path to sign in at
	 */
	public static String path(String contextPath) {
		return contextPath + PATH;
	}

	/**
	 * Return the {@code WWW-Authenticate} header of a {@code 401} for an API client.
	 * @param path where a browser starts to sign in, from {@link #path(String)}
	 * @return the header value
	 */
	public static String challenge(String path) {
		return "HitKey realm=\"hitkey\", sign_in=\"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/**
	 * Return the JSON body of a {@code 401} for an API client, such as
	 * {@code {"error":"unauthorized","sign_in":"/oauth2/authorization/hitkey"}}.
	 * @param path where a browser starts to sign in, from {@link #path(String)}
	 * @return the body, to send as {@code application/json}
	 */
	public static String body(String path) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("error", "unauthorized");
		body.put("sign_in", path);
		return JsonMapper.shared().writeValueAsString(body);
	}

}
