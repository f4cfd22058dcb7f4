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
	 * in.
	 */
	private String authUrl = "https://hitkey.io";

	/**
	 * Base URL of HitKey's API, which serves the /oauth/token and /oauth/userinfo
	 * endpoints.
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

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getClientId() {
		return this.clientId;
	}

	public void setClientId(@Nullable String clientId) {
		this.clientId = clientId;
	}

	public @Nullable String getClientSecret() {
		return this.clientSecret;
	}

	public void setClientSecret(@Nullable String clientSecret) {
		this.clientSecret = clientSecret;
	}

	public String getAuthUrl() {
		return this.authUrl;
	}

	public void setAuthUrl(String authUrl) {
		this.authUrl = authUrl;
	}

	public String getApiUrl() {
		return this.apiUrl;
	}

	public void setApiUrl(String apiUrl) {
		this.apiUrl = apiUrl;
	}

	public List<String> getScopes() {
		return this.scopes;
	}

	public void setScopes(List<String> scopes) {
		this.scopes = scopes;
	}

	public String getRedirectUri() {
		return this.redirectUri;
	}

	public void setRedirectUri(String redirectUri) {
		this.redirectUri = redirectUri;
	}

	public boolean isPkce() {
		return this.pkce;
	}

	public void setPkce(boolean pkce) {
		this.pkce = pkce;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public Session getSession() {
		return this.session;
	}

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

		public Serialization getSerialization() {
			return this.serialization;
		}

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

			public Duration getTimeToLive() {
				return this.timeToLive;
			}

			public void setTimeToLive(Duration timeToLive) {
				this.timeToLive = timeToLive;
			}

			public int getMaxSize() {
				return this.maxSize;
			}

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
