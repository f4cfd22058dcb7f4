package io.hitkey.spring.web;

import io.hitkey.spring.HitKeyClientRegistrations;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2ClientConfigurer;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.util.Assert;

/**
 * Hardens HitKey sign-in in a filter chain the application writes itself. A plain
 * {@code oauth2Login(withDefaults())} already gets all of HitKey's protocol from the
 * starter; this configurer adds what Spring Security's defaults leave out:
 * <ul>
 * <li>sign-ins started in several tabs of one session all succeed;</li>
 * <li>API requests without a signed-in user get {@code 401} with
 * {@code WWW-Authenticate}, not a redirect to HitKey;</li>
 * <li>a refresh that HitKey refuses sends browsers to sign in again and API clients a
 * {@code 401}; HitKey being down gives a {@code 503}, and the session is kept;</li>
 * <li>each failed sign-in is logged in one line, without secrets.</li>
 * </ul>
 * <pre class="code">
 * http.with(HitKeyLoginConfigurer.hitKey(), (hitKey) -&gt; hitKey.failureUrl("/login-error"));
 * </pre>
 * The starter's default filter chain applies it.
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class HitKeyLoginConfigurer extends AbstractHttpConfigurer<HitKeyLoginConfigurer, HttpSecurity> {

	private static final String SIGN_IN_PATH = OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI
			+ "/" + HitKeyClientRegistrations.REGISTRATION_ID;

	private String failureUrl = "/login?error";

	private HitKeyLoginConfigurer() {
	}

	/**
	 * Return a new configurer, to apply with {@code http.with(...)}.
	 * @return the configurer
	 */
	public static HitKeyLoginConfigurer hitKey() {
		return new HitKeyLoginConfigurer();
	}

	/**
	 * Set where a failed sign-in ends, {@code /login?error} by default. The exception is
	 * in the session attribute {@code SPRING_SECURITY_LAST_EXCEPTION}; its
	 * {@code OAuth2Error} description is HitKey's message.
	 * @param failureUrl the URL of the failure page
	 * @return this configurer
	 */
	public HitKeyLoginConfigurer failureUrl(String failureUrl) {
		Assert.hasText(failureUrl, "'failureUrl' must not be empty");
		this.failureUrl = failureUrl;
		return this;
	}

	@Override
	public void init(HttpSecurity http) {
		HitKeyApiAuthenticationEntryPoint apiEntryPoint = new HitKeyApiAuthenticationEntryPoint(SIGN_IN_PATH);
		http.setSharedObject(HitKeyApiAuthenticationEntryPoint.class, apiEntryPoint);
		// Registered before oauth2Login() registers its own entry point for browsers
		// (straight to HitKey), so that API requests are matched first.
		http.exceptionHandling(
				(exceptions) -> exceptions.defaultAuthenticationEntryPointFor(apiEntryPoint, ApiRequests.MATCHER));
		PendingAuthorizationRequestRepository pendingRequests = new PendingAuthorizationRequestRepository();
		String failureUrl = this.failureUrl;
		http.oauth2Login((login) -> login
			.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestRepository(pendingRequests))
			.failureUrl(failureUrl)
			// Set on the filter rather than with failureHandler(), which would hide the
			// failure URL from Spring Security's generated login page.
			.withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {

				@Override
				public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationFailureHandler(new HitKeyLoginFailureHandler(failureUrl));
					return filter;
				}

			}));
		// oauth2Client() has a redirect filter for the same URL: it must store the
		// requests where oauth2Login() looks for them.
		if (http.getConfigurer(OAuth2ClientConfigurer.class) != null) {
			http.oauth2Client((client) -> client
				.authorizationCodeGrant((grant) -> grant.authorizationRequestRepository(pendingRequests)));
		}
	}

	@Override
	public void configure(HttpSecurity http) {
		HitKeyApiAuthenticationEntryPoint apiEntryPoint = http.getSharedObject(HitKeyApiAuthenticationEntryPoint.class);
		http.addFilterAfter(new HitKeyAuthorizationFailureFilter(SIGN_IN_PATH, apiEntryPoint),
				ExceptionTranslationFilter.class);
	}

}
