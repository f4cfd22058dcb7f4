package io.hitkey.spring.autoconfigure;


import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * Gives the failures of Spring Security's token client a description fit for users.
 * When HitKey cannot be reached or its answer cannot be read, Spring Security describes
 * the failure with the text of the underlying exception, which names HitKey's internal
 * URL; the description becomes {@link HitKeyErrors#UNREACHABLE} and the original stays
 * the cause.
 * HitKey's own messages are kept.
 *
 * @param <T> the type of grant request
 * @author HitKey
 */
final class HitKeyTokenResponseClient<T extends AbstractOAuth2AuthorizationGrantRequest>
		implements OAuth2AccessTokenResponseClient<T> {

	private static final String INVALID_TOKEN_RESPONSE = "invalid_token_response";

	private final OAuth2AccessTokenResponseClient<T> delegate;

	HitKeyTokenResponseClient(OAuth2AccessTokenResponseClient<T> delegate) {
		this.delegate = delegate;
	}

	@Override
	public OAuth2AccessTokenResponse getTokenResponse(T grantRequest) {
		try {
			return this.delegate.getTokenResponse(grantRequest);
		}
		catch (OAuth2AuthorizationException ex) {
			if (!INVALID_TOKEN_RESPONSE.equals(ex.getError().getErrorCode())) {
				throw ex;
			}
			throw new OAuth2AuthorizationException(new OAuth2Error(INVALID_TOKEN_RESPONSE, HitKeyErrors.UNREACHABLE, null), ex);
		}
	}

}
