package io.hitkey.spring.web;

import io.hitkey.spring.HitKeyClientRegistrations;
import io.hitkey.spring.autoconfigure.HitKeyCallbackPath;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2ClientConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.util.Assert;

/**
 * Hardens HitKey sign-in in a filter chain the application writes itself. A plain
 * {@code oauth2Login(withDefaults())} already gets all of HitKey's protocol from the
 * starter; this configurer adds what Spring Security's defaults leave out:
 * <ul>
 * <li>sign-ins started in several tabs of one session all succeed;</li>
 * <li>API requests without a signed-in user get {@code 401} with
 * {@code WWW-Authenticate} and a JSON body that say where to sign in, not a redirect to
 * HitKey;</li>
 * <li>a refresh that HitKey refuses signs the user out: browsers sign in again and come
 * back, API clients get a {@code 401} (HitKey being down gives a {@code 503} in any
 * chain, and the session is kept);</li>
 * <li>with {@link #failureUrl(String)}, failed sign-ins end on that page, which is
 * reachable without a session, and each is logged in one line, without secrets;</li>
 * <li>HitKey's callback is processed at the path of {@code hitkey.redirect-uri}, also
 * when that is not Spring Security's default {@code /login/oauth2/code/hitkey} (then in
 * place of a processing URL set with {@code oauth2Login().loginProcessingUrl(...)}; other
 * registrations keep the default one).</li>
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

	private @Nullable String failureUrl;

	private boolean multipleTabs = true;

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
	 * Set where a failed sign-in ends, and log each failed sign-in in one line (the OAuth2
	 * error code and HitKey's message, never a secret). The page is reachable without a
	 * session, as with {@code oauth2Login().permitAll()}: path and query as given here,
	 * whatever the chain's {@code authorizeHttpRequests()} rules. Without it, the chain's
	 * own failure handling is left as it is. The exception is in the session attribute
	 * {@code SPRING_SECURITY_LAST_EXCEPTION}; its {@code OAuth2Error} description is
	 * HitKey's message.
	 * @param failureUrl the URL of the failure page
	 * @return this configurer
	 */
	public HitKeyLoginConfigurer failureUrl(String failureUrl) {
		Assert.hasText(failureUrl, "'failureUrl' must not be empty");
		this.failureUrl = failureUrl;
		return this;
	}

	/**
	 * Set whether sign-ins started in several tabs of one session all succeed (the
	 * default). This installs an authorization request repository for
	 * {@code oauth2Login()} and {@code oauth2Client()}; turn it off to keep one of the
	 * application's own.
	 * @param multipleTabs whether to keep several pending sign-ins per session
	 * @return this configurer
	 */
	public HitKeyLoginConfigurer multipleTabs(boolean multipleTabs) {
		this.multipleTabs = multipleTabs;
		return this;
	}

	@Override
	public void setBuilder(HttpSecurity http) {
		super.setBuilder(http);
		HitKeyApiAuthenticationEntryPoint apiEntryPoint = new HitKeyApiAuthenticationEntryPoint();
		// Registered when the configurer is applied, before any oauth2Login() registers
		// its entry point for browsers (at build time), so that API requests match first
		// whatever the order of the application's calls.
		http.exceptionHandling(
				(exceptions) -> exceptions.defaultAuthenticationEntryPointFor(apiEntryPoint, ApiRequests.MATCHER));
	}

	@Override
	public void init(HttpSecurity http) {
		if (this.multipleTabs) {
			PendingAuthorizationRequestRepository pendingRequests = new PendingAuthorizationRequestRepository();
			http.oauth2Login((login) -> login
				.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestRepository(pendingRequests)));
			// oauth2Client() has a redirect filter for the same URL: it must store the
			// requests where oauth2Login() looks for them.
			if (http.getConfigurer(OAuth2ClientConfigurer.class) != null) {
				http.oauth2Client((client) -> client
					.authorizationCodeGrant((grant) -> grant.authorizationRequestRepository(pendingRequests)));
			}
		}
		String failureUrl = this.failureUrl;
		if (failureUrl != null) {
			http.oauth2Login((login) -> login.failureUrl(failureUrl)
				// Set on the filter rather than with failureHandler(), which would hide
				// the failure URL from Spring Security's generated login page.
				.withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {

					@Override
					public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationFailureHandler(new HitKeyLoginFailureHandler(failureUrl));
						return filter;
					}

				}));
			AuthorizeHttpRequestsConfigurer<?> authorize = http.getConfigurer(AuthorizeHttpRequestsConfigurer.class);
			if (authorize != null) {
				// Not oauth2Login().permitAll(): oauth2Login() may be initialized already.
				authorize.getRegistry().withObjectPostProcessor(new FailurePageAccess(failureUrl));
			}
		}
		String callbackPath = callbackPath(http);
		if (callbackPath != null && !HitKeyCallbackPath.isSpringDefault(callbackPath)) {
			http.oauth2Login((login) -> login
				.withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {

					@Override
					public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
						// Other registrations keep Spring Security's default callback path.
						PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
						filter.setRequiresAuthenticationRequestMatcher(new OrRequestMatcher(
								paths.matcher(OAuth2LoginAuthenticationFilter.DEFAULT_FILTER_PROCESSES_URI),
								paths.matcher(callbackPath)));
						return filter;
					}

				}));
		}
	}

	/**
	 * Return the path at which HitKey calls back, from its client registration.
	 */
	private static @Nullable String callbackPath(HttpSecurity http) {
		ClientRegistrationRepository registrations = http.getSharedObject(ClientRegistrationRepository.class);
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		if (registrations == null && context != null) {
			registrations = context.getBeanProvider(ClientRegistrationRepository.class).getIfUnique();
		}
		ClientRegistration hitKey = (registrations != null)
				? registrations.findByRegistrationId(HitKeyClientRegistrations.REGISTRATION_ID) : null;
		return (hitKey != null) ? HitKeyCallbackPath.of(hitKey.getRedirectUri()) : null;
	}

	@Override
	public void configure(HttpSecurity http) {
		http.addFilterAfter(new HitKeyAuthorizationFailureFilter(), ExceptionTranslationFilter.class);
	}

}
