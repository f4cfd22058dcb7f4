package io.hitkey.spring.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Set;

import io.hitkey.spring.HitKeyAuthorizationRequestCustomizer;
import io.hitkey.spring.HitKeyClientRegistrations;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthenticationMethod;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.StringUtils;

/**
 * Maps {@link HitKeyProperties} to HitKey's {@link ClientRegistration}, checking each
 * property on the way.
 *
 * @author HitKey
 */
final class HitKeyPropertiesMapper {

	private static final String OPENID = "openid";

	private static final String USERINFO_PATH = "/oauth/userinfo";

	private final HitKeyProperties properties;

	/**
	 * Create a new mapper for the given properties.
	 * @param properties the properties to map
	 */
	HitKeyPropertiesMapper(HitKeyProperties properties) {
		this.properties = properties;
	}

	/**
	 * Return HitKey's client registration. Its scopes leave out {@code openid}, which
	 * {@link HitKeyAuthorizationRequestCustomizer} sends to HitKey: see there why.
	 * @return the client registration
	 * @throws IllegalStateException if a property is missing or invalid
	 */
	ClientRegistration asClientRegistration() {
		String clientId = clientId();
		String clientSecret = requireText("hitkey.client-secret", "HITKEY_CLIENT_SECRET",
				this.properties.getClientSecret());
		String authUrl = authUrl();
		String apiUrl = apiUrl();
		String redirectUri = requireRedirectUri(this.properties.getRedirectUri());
		return ClientRegistration.withRegistrationId(HitKeyClientRegistrations.REGISTRATION_ID)
			.clientName("HitKey")
			.clientId(clientId)
			.clientSecret(clientSecret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(redirectUri)
			.scope(scopesWithoutOpenid())
			.authorizationUri(authUrl + "/")
			.tokenUri(apiUrl + "/oauth/token")
			.userInfoUri(apiUrl + USERINFO_PATH)
			.userInfoAuthenticationMethod(AuthenticationMethod.HEADER)
			.userNameAttributeName("sub")
			.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(this.properties.isPkce()).build())
			.build();
	}

	/**
	 * Return the address of HitKey's userinfo endpoint, the only place where HitKey tells
	 * whether an access token is valid.
	 * @return the userinfo URI
	 * @throws IllegalStateException if {@code hitkey.api-url} is invalid
	 */
	String userInfoUri() {
		return apiUrl() + USERINFO_PATH;
	}

	/**
	 * Return the client id of the application at HitKey.
	 * @return the client id, trimmed
	 * @throws IllegalStateException if {@code hitkey.client-id} is missing or blank
	 */
	String clientId() {
		return requireText("hitkey.client-id", "HITKEY_CLIENT_ID", this.properties.getClientId());
	}

	/**
	 * Return the address of HitKey's login UI, without a trailing slash.
	 * @return the auth URL
	 * @throws IllegalStateException if {@code hitkey.auth-url} is invalid
	 */
	String authUrl() {
		return requireUrl("hitkey.auth-url", "HITKEY_AUTH_URL", this.properties.getAuthUrl());
	}

	/**
	 * Return the address of HitKey's API, without a trailing slash.
	 * @return the API URL
	 * @throws IllegalStateException if {@code hitkey.api-url} is invalid
	 */
	String apiUrl() {
		return requireUrl("hitkey.api-url", "HITKEY_API_URL", this.properties.getApiUrl());
	}

	private Set<String> scopesWithoutOpenid() {
		Set<String> scopes = new LinkedHashSet<>();
		for (String scope : this.properties.getScopes()) {
			if (StringUtils.hasText(scope) && !OPENID.equals(scope.trim())) {
				scopes.add(scope.trim());
			}
		}
		return scopes;
	}

	private static String requireText(String property, String environmentVariable, @Nullable String value) {
		if (value == null) {
			throw new InvalidHitKeyPropertyException(property, environmentVariable, "is not set");
		}
		if (!StringUtils.hasText(value)) {
			throw new InvalidHitKeyPropertyException(property, environmentVariable, "is blank");
		}
		if (value.contains("${")) {
			throw new InvalidHitKeyPropertyException(property, environmentVariable,
					"holds a placeholder that could not be resolved");
		}
		return value.trim();
	}

	private static String requireRedirectUri(@Nullable String value) {
		String property = "hitkey.redirect-uri";
		String environmentVariable = "HITKEY_REDIRECT_URI";
		String template = requireText(property, environmentVariable, value);
		if (!template.startsWith("{baseUrl}")) {
			String example = template.replace("{registrationId}", "hitkey").replace("{action}", "login");
			requireUrl(property, environmentVariable, example);
		}
		return template;
	}

	private static String requireUrl(String property, String environmentVariable, @Nullable String value) {
		String url = requireText(property, environmentVariable, value);
		String problem = "is not an absolute http or https URL without query or fragment";
		try {
			URI uri = new URI(url);
			boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
			if (!http || !StringUtils.hasText(uri.getHost()) || uri.getRawQuery() != null
					|| uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
				throw new InvalidHitKeyPropertyException(property, environmentVariable, problem);
			}
		}
		catch (URISyntaxException ex) {
			throw new InvalidHitKeyPropertyException(property, environmentVariable, problem);
		}
		return StringUtils.trimTrailingCharacter(url, '/');
	}

}
