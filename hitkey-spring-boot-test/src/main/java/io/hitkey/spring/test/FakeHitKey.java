package io.hitkey.spring.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A stateful HitKey that runs in-process on {@code 127.0.0.1}, for tests and for running
 * an application without a HitKey account. It implements HitKey's relying-party
 * contract: the authorize page at the root path (a page to pick a test user, or
 * auto-approval for headless tests), the JSON token endpoint with single-use codes and
 * refresh tokens that are never rotated, userinfo filtered by the granted scopes, and
 * {@code /health}. Faults can be scripted and calls are counted, for assertions.
 * <pre class="code">
 * try (FakeHitKey hitKey = FakeHitKey.builder().build().start()) {
 *     // hitkey.auth-url=hitKey.authUrl(), hitkey.api-url=hitKey.apiUrl(),
 *     // hitkey.client-id=hitKey.clientId(), hitkey.client-secret=hitKey.clientSecret()
 * }
 * </pre>
 * <p>
 * It is built on the JDK's own HTTP server rather than WireMock: the fake is a small
 * state machine (codes, tokens, users) that reads best as plain Java, and applications
 * that add this module get no HTTP server dependency that could clash with theirs.
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class FakeHitKey implements AutoCloseable {

	/**
	 * The default client id.
	 */
	public static final String DEFAULT_CLIENT_ID = "fake-hitkey-client";

	/**
	 * The default client secret.
	 */
	public static final String DEFAULT_CLIENT_SECRET = "fake-hitkey-secret";

	private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

	/**
	 * Settings of the JDK's HTTP server that it reads from system properties, once per
	 * JVM, when the first server is created. Beyond 200 idle keep-alive connections it
	 * closes them, and a client that reuses such a connection for a POST (a token request)
	 * fails, as it must not retry it: many concurrent sign-ins must not look like a flaky
	 * HitKey. Without TCP_NODELAY, a client that writes a request in two parts (headers,
	 * then body) meets Nagle's algorithm and delayed ACKs: 40 ms per call that HitKey does
	 * not cost, and that would distort every timing taken against the fake.
	 */
	private static final Map<String, String> JDK_SERVER_SETTINGS = Map.of("sun.net.httpserver.maxIdleConnections",
			"10000", "sun.net.httpserver.nodelay", "true");

	/**
	 * The endpoints of HitKey, for scripting faults and counting calls.
	 */
	public enum Endpoint {

		/**
		 * The authorize page, {@code GET /}, and the sign-in choices it posts.
		 */
		AUTHORIZE,

		/**
		 * {@code POST /oauth/token}.
		 */
		TOKEN,

		/**
		 * {@code GET /oauth/userinfo}.
		 */
		USERINFO,

		/**
		 * {@code GET /health}.
		 */
		HEALTH

	}

	private final Builder settings;

	private final FakeHitKeyGrants grants;

	private final List<String> redirectUris;

	private volatile List<FakeHitKeyUser> users = List.of();

	private volatile @Nullable FakeHitKeyUser autoApprovedUser;

	private volatile Duration accessTokenLifetime;

	private final Map<Endpoint, Deque<FakeHitKeyFault>> faults = new EnumMap<>(Endpoint.class);

	private final Map<Endpoint, AtomicInteger> calls = new EnumMap<>(Endpoint.class);

	private final Map<String, AtomicInteger> tokenCalls = new ConcurrentHashMap<>();

	private final Set<InetSocketAddress> apiConnections = ConcurrentHashMap.newKeySet();

	private final AtomicInteger newApiConnections = new AtomicInteger();

	private @Nullable HttpServer server;

	private @Nullable ExecutorService executor;

	private FakeHitKey(Builder settings) {
		this.settings = settings;
		this.grants = new FakeHitKeyGrants(settings.clock);
		this.redirectUris = new CopyOnWriteArrayList<>(settings.redirectUris);
		for (Endpoint endpoint : Endpoint.values()) {
			this.faults.put(endpoint, new ConcurrentLinkedDeque<>());
			this.calls.put(endpoint, new AtomicInteger());
		}
		reset();
	}

	/**
	 * Return a builder, with the default client credentials and three test users.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start serving.
	 * @return this fake
	 */
	public synchronized FakeHitKey start() {
		Assert.state(this.server == null, "FakeHitKey is already started");
		try {
			HttpServer server = createServer(new InetSocketAddress(LOOPBACK, this.settings.port));
			// Sleeping faults (delay, trickle) must not starve the other endpoints.
			this.executor = Executors.newCachedThreadPool(FakeHitKey::daemonThread);
			server.setExecutor(this.executor);
			server.createContext("/", new EndpointDispatcher(this, this.faults, this.calls));
			// The server's dispatcher thread inherits this thread's daemon status: a fake
			// that is never closed must not keep the JVM alive.
			Thread starter = daemonThread(server::start);
			starter.start();
			starter.join();
			this.server = server;
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start FakeHitKey", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting FakeHitKey", ex);
		}
	}

	/**
	 * Create the server with {@link #JDK_SERVER_SETTINGS}, which are system properties
	 * only while the server is created: the application under test never sees them. A
	 * setting the JVM was started with wins.
	 */
	private HttpServer createServer(InetSocketAddress address) throws IOException {
		synchronized (JDK_SERVER_SETTINGS) {
			List<String> set = new ArrayList<>();
			JDK_SERVER_SETTINGS.forEach((name, value) -> {
				if (System.getProperty(name) == null) {
					System.setProperty(name, value);
					set.add(name);
				}
			});
			try {
				if (this.settings.sslContext == null) {
					return HttpServer.create(address, 256);
				}
				HttpsServer server = HttpsServer.create(address, 256);
				server.setHttpsConfigurator(new HttpsConfigurator(this.settings.sslContext));
				return server;
			}
			finally {
				set.forEach(System::clearProperty);
			}
		}
	}

	private static Thread daemonThread(Runnable task) {
		Thread thread = new Thread(task, "fake-hitkey");
		thread.setDaemon(true);
		return thread;
	}

	/**
	 * Stop serving.
	 */
	@Override
	public synchronized void close() {
		if (this.server != null) {
			this.server.stop(0);
			this.server = null;
		}
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	/**
	 * Return an SSL context that trusts the certificate of a fake built with
	 * {@link Builder#tls()}, for example to make it the JVM's default with
	 * {@link SSLContext#setDefault(SSLContext)} in a benchmark.
	 * @return a client SSL context
	 */
	public static SSLContext trustingSslContext() {
		return FakeHitKeyCertificate.clientContext();
	}

	/**
	 * Return the port the fake listens on.
	 * @return the port
	 */
	public synchronized int port() {
		Assert.state(this.server != null, "FakeHitKey is not started");
		return this.server.getAddress().getPort();
	}

	/**
	 * Return the URL to use as {@code hitkey.auth-url}.
	 * @return the URL of the login UI
	 */
	public String authUrl() {
		String scheme = (this.settings.sslContext != null) ? "https://" : "http://";
		return scheme + LOOPBACK.getHostAddress() + ":" + port();
	}

	/**
	 * Return the URL to use as {@code hitkey.api-url}.
	 * @return the URL of the API
	 */
	public String apiUrl() {
		return authUrl();
	}

	/**
	 * Return the client id the fake accepts.
	 * @return the client id
	 */
	public String clientId() {
		return this.settings.clientId;
	}

	/**
	 * Return the client secret the fake accepts.
	 * @return the client secret
	 */
	public String clientSecret() {
		return this.settings.clientSecret;
	}

	/**
	 * Return the users that the sign-in page offers.
	 * @return the users
	 */
	public List<FakeHitKeyUser> users() {
		return this.users;
	}

	/**
	 * Offer one more user on the sign-in page.
	 * @param user the user
	 * @return this fake
	 */
	public synchronized FakeHitKey addUser(FakeHitKeyUser user) {
		List<FakeHitKeyUser> users = new ArrayList<>(this.users);
		users.add(user);
		this.users = List.copyOf(users);
		return this;
	}

	/**
	 * Hand out a valid access token for the given user, as HitKey would after a sign-in
	 * with the given scopes, for a test that calls an API with it as a Bearer token. It
	 * lives as long as {@link #accessTokenLifetime(Duration) access tokens} do.
	 * @param user the token's owner
	 * @param scopes the scopes granted to it: all that HitKey knows when none are given
	 * @return the access token
	 */
	public String accessToken(FakeHitKeyUser user, String... scopes) {
		Assert.notNull(user, "'user' must not be null");
		Set<String> granted = grantedScopes((scopes.length > 0) ? String.join(" ", scopes) : null);
		return this.grants.issueAccessToken(clientId(), user, granted, this.accessTokenLifetime).value();
	}

	/**
	 * Sign the given user in without showing the sign-in page, as for headless tests.
	 * @param user the user to sign in
	 * @return this fake
	 */
	public FakeHitKey autoApprove(FakeHitKeyUser user) {
		this.autoApprovedUser = user;
		return this;
	}

	/**
	 * Show the sign-in page again instead of approving automatically.
	 * @return this fake
	 */
	public FakeHitKey showSignInPage() {
		this.autoApprovedUser = null;
		return this;
	}

	/**
	 * Set the lifetime of access tokens issued from now on.
	 * @param lifetime the lifetime ({@code expires_in})
	 * @return this fake
	 */
	public FakeHitKey accessTokenLifetime(Duration lifetime) {
		Assert.isTrue(!lifetime.isNegative(), "'lifetime' must not be negative");
		this.accessTokenLifetime = lifetime;
		return this;
	}

	/**
	 * Answer the next {@code times} calls to the given endpoint with the given fault.
	 * @param endpoint the endpoint
	 * @param times how many calls fail
	 * @param fault the fault
	 * @return this fake
	 */
	public FakeHitKey failNext(Endpoint endpoint, int times, FakeHitKeyFault fault) {
		for (int i = 0; i < times; i++) {
			this.faults.get(endpoint).add(fault);
		}
		return this;
	}

	/**
	 * Return how many calls the given endpoint received, faulted ones included.
	 * @param endpoint the endpoint
	 * @return the number of calls
	 */
	public int calls(Endpoint endpoint) {
		return this.calls.get(endpoint).get();
	}

	/**
	 * Return how many token calls asked for the given grant type.
	 * @param grantType {@code authorization_code} or {@code refresh_token}
	 * @return the number of calls
	 */
	public int tokenCalls(String grantType) {
		AtomicInteger count = this.tokenCalls.get(grantType);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * Return how many new connections called the API (token or userinfo endpoint) since
	 * the fake was built or {@link #reset() reset}: connections that had never called it
	 * before. An application that pools one HTTP client for HitKey opens few, whatever
	 * the number of sign-ins. A connection is told apart by its client address and port.
	 * @return the number of new connections
	 */
	public int apiConnections() {
		return this.newApiConnections.get();
	}

	void countApiConnection(InetSocketAddress client) {
		if (this.apiConnections.add(client)) {
			this.newApiConnections.incrementAndGet();
		}
	}

	/**
	 * Make every access token issued so far invalid, as if an hour had passed.
	 * @return this fake
	 */
	public FakeHitKey expireAccessTokens() {
		this.grants.expireAccessTokens();
		return this;
	}

	/**
	 * Make every refresh token issued so far invalid, as if HitKey's 90-day cap was
	 * reached. With a {@link Builder#clock(Clock) clock} of its own, a test can also let
	 * time pass: refresh tokens expire 30 days after their last use and 90 days after
	 * they were issued.
	 * @return this fake
	 */
	public FakeHitKey revokeRefreshTokens() {
		this.grants.revokeRefreshTokens();
		return this;
	}

	/**
	 * Go back to the configuration the fake was built with: its users, auto-approval and
	 * access-token lifetime; no scripted faults and no counted calls. Tokens already
	 * issued stay valid.
	 * @return this fake
	 */
	public synchronized FakeHitKey reset() {
		this.users = List.copyOf(this.settings.users);
		this.autoApprovedUser = this.settings.autoApprovedUser;
		this.accessTokenLifetime = this.settings.accessTokenLifetime;
		this.faults.values().forEach(Deque::clear);
		this.calls.values().forEach((count) -> count.set(0));
		this.tokenCalls.clear();
		this.newApiConnections.set(0);
		return this;
	}

	FakeHitKeyGrants grants() {
		return this.grants;
	}

	List<String> redirectUris() {
		return this.redirectUris;
	}

	/**
	 * Register one more redirect URI, as the application's own once its address is known.
	 */
	void registerRedirectUri(String redirectUri) {
		Assert.isTrue(RedirectUris.isAllowed(List.of(redirectUri), redirectUri),
				() -> "'redirectUri' must be an absolute http or https URI: " + redirectUri);
		this.redirectUris.add(redirectUri);
	}

	@Nullable FakeHitKeyProject project() {
		return this.settings.project;
	}

	@Nullable FakeHitKeyUser autoApprovedUser() {
		return this.autoApprovedUser;
	}

	Duration currentAccessTokenLifetime() {
		return this.accessTokenLifetime;
	}

	void countTokenCall(String grantType) {
		this.tokenCalls.computeIfAbsent(grantType, (key) -> new AtomicInteger()).incrementAndGet();
	}

	/**
	 * Return the scopes HitKey grants for the requested ones: everything when none were
	 * requested, unknown ones silently dropped, {@code openid} always.
	 */
	Set<String> grantedScopes(@Nullable String requested) {
		List<String> known = new ArrayList<>(List.of("openid", "profile", "email"));
		if (this.settings.project != null) {
			known.add("project:read");
		}
		if (requested == null || requested.isBlank()) {
			return new LinkedHashSet<>(known);
		}
		Set<String> granted = new LinkedHashSet<>();
		granted.add("openid");
		for (String scope : requested.trim().split("[\\s+]+")) {
			if (known.contains(scope)) {
				granted.add(scope);
			}
		}
		return granted;
	}

	/**
	 * Builds a {@link FakeHitKey}.
	 */
	public static final class Builder {

		private int port;

		private String clientId = DEFAULT_CLIENT_ID;

		private String clientSecret = DEFAULT_CLIENT_SECRET;

		private final List<String> redirectUris = new ArrayList<>();

		private final List<FakeHitKeyUser> users = new ArrayList<>(FakeHitKeyUsers.defaults());

		private @Nullable FakeHitKeyUser autoApprovedUser;

		private Duration accessTokenLifetime = Duration.ofHours(1);

		private @Nullable FakeHitKeyProject project = FakeHitKeyProject.DEMO;

		private Clock clock = Clock.systemUTC();

		private @Nullable SSLContext sslContext;

		private Builder() {
		}

		/**
		 * Listen on the given port instead of a random free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Accept the given client credentials.
		 * @param clientId the client id
		 * @param clientSecret the client secret
		 * @return this builder
		 */
		public Builder client(String clientId, String clientSecret) {
			Assert.hasText(clientId, "'clientId' must not be empty");
			Assert.hasText(clientSecret, "'clientSecret' must not be empty");
			this.clientId = clientId;
			this.clientSecret = clientSecret;
			return this;
		}

		/**
		 * Register a redirect URI. Without any, every redirect URI on this machine
		 * ({@code localhost}, {@code 127.*}) is accepted, which suits applications on
		 * random ports.
		 * @param redirectUri the redirect URI
		 * @return this builder
		 */
		public Builder redirectUri(String redirectUri) {
			Assert.isTrue(RedirectUris.isAllowed(List.of(redirectUri), redirectUri),
					() -> "'redirectUri' must be an absolute http or https URI: " + redirectUri);
			this.redirectUris.add(redirectUri);
			return this;
		}

		/**
		 * Offer the given users on the sign-in page instead of the default ones.
		 * @param users the users
		 * @return this builder
		 */
		public Builder users(Collection<FakeHitKeyUser> users) {
			Assert.notEmpty(users, "'users' must not be empty");
			this.users.clear();
			this.users.addAll(users);
			return this;
		}

		/**
		 * Sign the given user in without showing the sign-in page.
		 * @param user the user
		 * @return this builder
		 */
		public Builder autoApprove(@Nullable FakeHitKeyUser user) {
			this.autoApprovedUser = user;
			return this;
		}

		/**
		 * Set the lifetime of access tokens.
		 * @param lifetime the lifetime, one hour by default
		 * @return this builder
		 */
		public Builder accessTokenLifetime(Duration lifetime) {
			Assert.isTrue(!lifetime.isNegative(), "'lifetime' must not be negative");
			this.accessTokenLifetime = lifetime;
			return this;
		}

		/**
		 * Set the project the client belongs to, or {@code null} for a client without a
		 * project (then {@code project:read} is ignored).
		 * @param project the project
		 * @return this builder
		 */
		public Builder project(@Nullable FakeHitKeyProject project) {
			this.project = project;
			return this;
		}

		/**
		 * Use the given clock for the expiry of codes and tokens.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Serve HTTPS instead of plain HTTP, with a self-signed certificate for
		 * {@code 127.0.0.1}. Clients must trust it: see {@link FakeHitKey#trustingSslContext()}.
		 * @return this builder
		 */
		public Builder tls() {
			this.sslContext = FakeHitKeyCertificate.serverContext();
			return this;
		}

		/**
		 * Build the fake, not yet started.
		 * @return the fake
		 */
		public FakeHitKey build() {
			return new FakeHitKey(this);
		}

	}

}
