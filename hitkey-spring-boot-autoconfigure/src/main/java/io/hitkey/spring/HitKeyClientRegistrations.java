package io.hitkey.spring;

import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * Facts about HitKey's {@link ClientRegistration}.
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class HitKeyClientRegistrations {

	/**
	 * The registration id of HitKey: sign-in starts at
	 * {@code /oauth2/authorization/hitkey} and HitKey calls back
	 * {@code /login/oauth2/code/hitkey}.
	 */
	public static final String REGISTRATION_ID = "hitkey";

	private HitKeyClientRegistrations() {
	}

	/**
	 * Return whether the given registration is HitKey's.
	 * @param registration the client registration
	 * @return whether its registration id is {@value #REGISTRATION_ID}
	 */
	public static boolean isHitKey(ClientRegistration registration) {
		return isHitKey(registration.getRegistrationId());
	}

	static boolean isHitKey(Object registrationId) {
		return REGISTRATION_ID.equals(registrationId);
	}

}
