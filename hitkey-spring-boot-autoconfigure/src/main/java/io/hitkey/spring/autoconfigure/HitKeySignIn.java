package io.hitkey.spring.autoconfigure;

import io.hitkey.spring.HitKeyClientRegistrations;

/**
 * Where a user signs in with HitKey, and how an API client without a signed-in user is
 * told so, on either stack: a {@code 401} with {@link #CHALLENGE} in
 * {@code WWW-Authenticate}.
 *
 * @author HitKey
 */
public final class HitKeySignIn {

	/**
	 * The path where a browser starts to sign in with HitKey.
	 */
	public static final String PATH = "/oauth2/authorization/" + HitKeyClientRegistrations.REGISTRATION_ID;

	/**
	 * The {@code WWW-Authenticate} header of a {@code 401} for an API client.
	 */
	public static final String CHALLENGE = "HitKey realm=\"hitkey\", sign_in=\"" + PATH + "\"";

	private HitKeySignIn() {
	}

}
