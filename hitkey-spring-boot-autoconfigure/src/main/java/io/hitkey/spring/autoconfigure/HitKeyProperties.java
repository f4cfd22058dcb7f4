package io.hitkey.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for signing users in with HitKey.
 *
 * @author HitKey
 * @since 0.1.0
 */
@ConfigurationProperties("hitkey")
public class HitKeyProperties {

	/**
	 * Whether to enable HitKey sign-in.
	 */
	private boolean enabled = true;

	/**
	 * Client id of the application registered at HitKey. Also read from the
	 * HITKEY_CLIENT_ID environment variable.
	 */
	private @Nullable String clientId;

	/**
	 * Client secret of the application registered at HitKey. Also read from the
	 * HITKEY_CLIENT_SECRET environment variable.
	 */
	private @Nullable String clientSecret;

	/**
	 * Base URL of HitKey's login UI. Users are sent to the root path of this URL to sign
	 * in. Also read from the HITKEY_AUTH_URL environment variable.
	 */
	private String authUrl = "https://hitkey.io";

	/**
	 * Base URL of HitKey's API, which serves the /oauth/token and /oauth/userinfo
	 * endpoints. Also read from the HITKEY_API_URL environment variable.
	 */
	private String apiUrl = "https://api.hitkey.io";

	/**
	 * Scopes to request. HitKey requires 'openid', which is added when missing. Add
	 * 'project:read' to receive the user's project role and permissions.
	 */
	private List<String> scopes = new ArrayList<>(List.of("openid", "profile", "email"));

	/**
	 * Redirect URI template that HitKey sends the user back to. Must match the redirect
	 * URI registered at HitKey.
	 */
	private String redirectUri = "{baseUrl}/login/oauth2/code/{registrationId}";

	/**
	 * Whether to use PKCE (code_challenge and code_verifier) in the authorization code
	 * flow.
	 */
	private boolean pkce = true;

	/**
	 * Connect timeout for calls to HitKey's API (token, refresh and userinfo).
	 */
	private Duration connectTimeout = Duration.ofSeconds(3);

	/**
	 * Read timeout for calls to HitKey's API (token, refresh and userinfo). Together with
	 * the connect timeout, it also bounds each whole call, body included.
	 */
	private Duration readTimeout = Duration.ofSeconds(5);

	private final Session session = new Session();

	private final ResourceServer resourceServer = new ResourceServer();

	/**
	 * Return whether HitKey sign-in is on ({@code hitkey.enabled}).
	 * @return {@code false} when the whole starter is turned off
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Turn HitKey sign-in on or off.
	 * @param enabled {@code false} to turn the whole starter off
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Return the client id of the application registered at HitKey
	 * ({@code hitkey.client-id}, or the {@code HITKEY_CLIENT_ID} environment variable).
	 * @return the client id, or {@code null} when it is not set
	 */
	public @Nullable String getClientId() {
		return this.clientId;
	}

	/**
	 * Set the client id of the application registered at HitKey.
	 * @param clientId the client id that HitKey gave the application
	 */
	public void setClientId(@Nullable String clientId) {
		this.clientId = clientId;
	}

	/**
	 * Return the client secret of the application registered at HitKey
	 * ({@code hitkey.client-secret}, or the {@code HITKEY_CLIENT_SECRET} environment
	 * variable).
	 * @return the client secret, or {@code null} when it is not set
	 */
	public @Nullable String getClientSecret() {
		return this.clientSecret;
	}

	/**
	 * Set the client secret of the application registered at HitKey.
	 * @param clientSecret the client secret that HitKey showed when the client was
	 * created
	 */
	public void setClientSecret(@Nullable String clientSecret) {
		this.clientSecret = clientSecret;
	}

	/**
	 * Return the base URL of HitKey's login UI ({@code hitkey.auth-url}): users sign in
	 * on its root path.
	 * @return the login UI's base URL, {@code https://hitkey.io} unless set
	 */
	public String getAuthUrl() {
		return this.authUrl;
	}

	/**
	 * Set the base URL of HitKey's login UI, such as a fake HitKey's in tests.
	 * @param authUrl the login UI's base URL
	 */
	public void setAuthUrl(String authUrl) {
		this.authUrl = authUrl;
	}

	/**
	 * Return the base URL of HitKey's API ({@code hitkey.api-url}), which serves the
	 * token and userinfo endpoints.
	 * @return the API's base URL, {@code https://api.hitkey.io} unless set
	 */
	public String getApiUrl() {
		return this.apiUrl;
	}

	/**
	 * Set the base URL of HitKey's API, such as a fake HitKey's in tests.
	 * @param apiUrl the API's base URL
	 */
	public void setApiUrl(String apiUrl) {
		this.apiUrl = apiUrl;
	}

	/**
	 * Return the scopes to request ({@code hitkey.scopes}). HitKey requires
	 * {@code openid}, which is sent even when missing here.
	 * @return the scopes, {@code openid}, {@code profile} and {@code email} unless set
	 */
	public List<String> getScopes() {
		return this.scopes;
	}

	/**
	 * Set the scopes to request, such as {@code project:read} next to the default ones
	 * for the user's project role and permissions.
	 * @param scopes the scopes
	 */
	public void setScopes(List<String> scopes) {
		this.scopes = scopes;
	}

	/**
	 * Return the redirect URI template that HitKey sends the user back to
	 * ({@code hitkey.redirect-uri}).
	 * @return the template, {@code {baseUrl}/login/oauth2/code/{registrationId}} unless
	 * set
	 */
	public String getRedirectUri() {
		return this.redirectUri;
	}

	/**
	 * Set the redirect URI template. It must match the redirect URI registered at HitKey.
	 * @param redirectUri the template, which may hold Spring Security's {@code {baseUrl}}
	 * and {@code {registrationId}} placeholders
	 */
	public void setRedirectUri(String redirectUri) {
		this.redirectUri = redirectUri;
	}

	/**
	 * Return whether sign-ins use PKCE ({@code hitkey.pkce}).
	 * @return {@code true}, the default, to send {@code code_challenge} and
	 * {@code code_verifier}
	 */
	public boolean isPkce() {
		return this.pkce;
	}

	/**
	 * Set whether sign-ins use PKCE.
	 * @param pkce {@code false} to send neither {@code code_challenge} nor
	 * {@code code_verifier}
	 */
	public void setPkce(boolean pkce) {
		this.pkce = pkce;
	}

	/**
	 * Return the connect timeout of calls to HitKey's API
	 * ({@code hitkey.connect-timeout}).
	 * @return the connect timeout, 3 seconds unless set
	 */
	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	/**
	 * Set the connect timeout of calls to HitKey's API (token, refresh and userinfo).
	 * @param connectTimeout the connect timeout
	 */
	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	/**
	 * Return the read timeout of calls to HitKey's API ({@code hitkey.read-timeout}).
	 * Together with the connect timeout, it also bounds each whole call.
	 * @return the read timeout, 5 seconds unless set
	 */
	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	/**
	 * Set the read timeout of calls to HitKey's API (token, refresh and userinfo).
	 * @param readTimeout the read timeout
	 */
	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	/**
	 * Return how signed-in sessions are kept in a shared store
	 * ({@code hitkey.session.*}).
	 * @return the session properties
	 */
	public Session getSession() {
		return this.session;
	}

	/**
	 * Return how HitKey access tokens are accepted as Bearer tokens
	 * ({@code hitkey.resource-server.*}).
	 * @return the resource server properties
	 */
	public ResourceServer getResourceServer() {
		return this.resourceServer;
	}

	/**
	 * How signed-in sessions are kept in a shared store (Spring Session).
	 */
	public static class Session {

		/**
		 * How Spring Session writes session values to its store (Redis or JDBC): 'jdk'
		 * leaves Spring Session's default, JDK serialization; 'json' writes them as JSON
		 * with Spring Security's Jackson modules, and drops values it cannot read.
		 */
		private Serialization serialization = Serialization.JDK;

		/**
		 * Return how Spring Session writes session values to its store
		 * ({@code hitkey.session.serialization}).
		 * @return the serialization, {@link Serialization#JDK} unless set
		 */
		public Serialization getSerialization() {
			return this.serialization;
		}

		/**
		 * Set how Spring Session writes session values to its store.
		 * @param serialization {@link Serialization#JSON} to write them as JSON
		 */
		public void setSerialization(Serialization serialization) {
			this.serialization = serialization;
		}

	}

	/**
	 * HitKey access tokens accepted as Bearer tokens, when Spring Security's resource
	 * server is on the class path.
	 */
	public static class ResourceServer {

		private final Cache cache = new Cache();

		/**
		 * Return how HitKey's answers to Bearer tokens are kept
		 * ({@code hitkey.resource-server.cache.*}).
		 * @return the cache properties
		 */
		public Cache getCache() {
			return this.cache;
		}

		/**
		 * The answers of HitKey's userinfo endpoint to Bearer tokens, kept so that a token
		 * used again costs no call to HitKey.
		 */
		public static class Cache {

			/**
			 * How long HitKey's acceptance of a token is trusted without asking again. A
			 * user removed from a project at HitKey keeps the former role for at most this
			 * long. 0 asks HitKey on every request; at most 1h, the life of a HitKey
			 * access token.
			 */
			private Duration timeToLive = Duration.ofSeconds(60);

			/**
			 * The most tokens kept, at least 1; beyond it, the tokens that expire soonest
			 * are dropped.
			 */
			private int maxSize = 10_000;

			/**
			 * Return how long HitKey's acceptance of a token is trusted without asking
			 * again ({@code hitkey.resource-server.cache.time-to-live}).
			 * @return the time to live, 60 seconds unless set
			 */
			public Duration getTimeToLive() {
				return this.timeToLive;
			}

			/**
			 * Set how long HitKey's acceptance of a token is trusted without asking
			 * again.
			 * @param timeToLive the time to live, from zero (ask HitKey on every request)
			 * to one hour
			 */
			public void setTimeToLive(Duration timeToLive) {
				this.timeToLive = timeToLive;
			}

			/**
			 * Return the most tokens kept
			 * ({@code hitkey.resource-server.cache.max-size}).
			 * @return the most tokens kept, 10,000 unless set
			 */
			public int getMaxSize() {
				return this.maxSize;
			}

			/**
			 * Set the most tokens kept. Beyond it, the tokens that expire soonest are
			 * dropped.
			 * @param maxSize the most tokens kept, at least 1
			 */
			public void setMaxSize(int maxSize) {
				this.maxSize = maxSize;
			}

		}

	}

	/**
	 * How session values are written to a shared store.
	 */
	public enum Serialization {

		/**
		 * JDK serialization, Spring Session's default.
		 */
		JDK,

		/**
		 * JSON, with Spring Security's Jackson modules.
		 */
		JSON

	}

}
