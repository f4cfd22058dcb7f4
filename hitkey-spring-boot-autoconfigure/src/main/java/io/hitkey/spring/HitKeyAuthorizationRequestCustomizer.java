package io.hitkey.spring;

import java.util.function.Consumer;

import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Adds the {@code openid} scope to the URL of HitKey's authorize page, and only there.
 * <p>
 * HitKey requires {@code openid} but returns no ID token. Spring Security takes the
 * OpenID Connect path, which insists on an ID token, whenever the stored authorization
 * request holds {@code openid}; so HitKey's registration holds its other scopes only,
 * and this customizer puts {@code openid} back into the URL the browser is sent to.
 * The starter applies it to the {@code OAuth2AuthorizationRequestResolver} it defines;
 * an application that defines its own resolver applies it with
 * {@code resolver.setAuthorizationRequestCustomizer(new HitKeyAuthorizationRequestCustomizer())}.
 * Requests for other registrations are left alone.
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class HitKeyAuthorizationRequestCustomizer implements Consumer<OAuth2AuthorizationRequest.Builder> {

	static final String OPENID = "openid";

	@Override
	public void accept(OAuth2AuthorizationRequest.Builder builder) {
		boolean[] hitKey = new boolean[1];
		builder.attributes((attributes) -> hitKey[0] = HitKeyClientRegistrations
			.isHitKey(attributes.get(OAuth2ParameterNames.REGISTRATION_ID)));
		if (hitKey[0]) {
			builder.parameters((parameters) -> parameters.merge(OAuth2ParameterNames.SCOPE, OPENID,
					(scopes, openid) -> openid + " " + scopes));
		}
	}

}
