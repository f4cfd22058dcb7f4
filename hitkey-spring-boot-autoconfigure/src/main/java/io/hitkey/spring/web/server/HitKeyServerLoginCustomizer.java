package io.hitkey.spring.web.server;

import org.jspecify.annotations.Nullable;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.util.Assert;

/**
 * Hardens HitKey sign-in in a WebFlux filter chain the application writes itself, as
 * {@code HitKeyLoginConfigurer} does on the servlet stack. A plain
 * {@code oauth2Login(withDefaults())} already gets all of HitKey's protocol from the
 * starter, and a refresh that HitKey refuses sends the user to sign in again; this
 * customizer adds:
 * <ul>
 * <li>sign-ins started in several tabs of one session all succeed;</li>
 * <li>a refresh that HitKey refuses signs the user out: browsers are sent to sign in
 * again and come back to the page they asked for, API clients get a {@code 401} with
 * {@code WWW-Authenticate} and a JSON body; HitKey being down gives a {@code 503} with
 * {@code Retry-After}, and the session is kept;</li>
 * <li>with {@link #failureUrl(String)}, each failed sign-in ends there and is logged in
 * one line, without secrets.</li>
 * </ul>
 * <pre class="code">
 * http.oauth2Login(Customizer.withDefaults());
 * HitKeyServerLoginCustomizer.hitKey().failureUrl("/login-error").customize(http);
 * </pre>
 * The failure page must be reachable without a signed-in user: permit it in
 * {@code authorizeExchange(...)}. The starter's default filter chain applies this
 * customizer.
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class HitKeyServerLoginCustomizer implements Customizer<ServerHttpSecurity> {

	private @Nullable String failureUrl;

	private boolean multipleTabs = true;

	private HitKeyServerLoginCustomizer() {
	}

	/**
	 * Return a new customizer, to apply with {@link #customize(ServerHttpSecurity)}.
	 * @return the customizer
	 */
	public static HitKeyServerLoginCustomizer hitKey() {
		return new HitKeyServerLoginCustomizer();
	}

	/**
	 * Set where a failed sign-in ends, and log each failed sign-in in one line (the OAuth2
	 * error code and HitKey's message, never a secret). Without it, the chain's own
	 * failure handling is left as it is. The exception is in the session attribute
	 * {@code SPRING_SECURITY_LAST_EXCEPTION}; its {@code OAuth2Error} description is
	 * HitKey's message.
	 * @param failureUrl the URL of the failure page
	 * @return this customizer
	 */
	public HitKeyServerLoginCustomizer failureUrl(String failureUrl) {
		Assert.hasText(failureUrl, "'failureUrl' must not be empty");
		this.failureUrl = failureUrl;
		return this;
	}

	/**
	 * Set whether sign-ins started in several tabs of one session all succeed (the
	 * default). This installs an authorization request repository for
	 * {@code oauth2Login()} and {@code oauth2Client()}, and so turns
	 * {@code oauth2Client()} on; turn it off to keep a repository of the application's
	 * own.
	 * @param multipleTabs whether to keep several pending sign-ins per session
	 * @return this customizer
	 */
	public HitKeyServerLoginCustomizer multipleTabs(boolean multipleTabs) {
		this.multipleTabs = multipleTabs;
		return this;
	}

	@Override
	public void customize(ServerHttpSecurity http) {
		if (this.multipleTabs) {
			PendingServerAuthorizationRequestRepository pendingRequests = new PendingServerAuthorizationRequestRepository();
			http.oauth2Login((login) -> login.authorizationRequestRepository(pendingRequests));
			// oauth2Client() has a redirect filter too, which a new sign-in after a refused
			// refresh may go through: it must store the requests where oauth2Login() looks.
			http.oauth2Client((client) -> client.authorizationRequestRepository(pendingRequests));
		}
		// Nearer the handler than the exception translation, to see a failed refresh
		// first; the OAuth2 redirect filter, further out, sends a signed-out browser to
		// HitKey.
		http.addFilterAfter(new HitKeyRefreshFailureWebFilter(), SecurityWebFiltersOrder.EXCEPTION_TRANSLATION);
		String failureUrl = this.failureUrl;
		if (failureUrl != null) {
			http.oauth2Login(
					(login) -> login.authenticationFailureHandler(new HitKeyServerLoginFailureHandler(failureUrl)));
		}
	}

}
