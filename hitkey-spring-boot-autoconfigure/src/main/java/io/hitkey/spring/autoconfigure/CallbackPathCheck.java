package io.hitkey.spring.autoconfigure;

import java.util.List;

import jakarta.servlet.Filter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Warns at startup when {@code hitkey.redirect-uri} is not at Spring Security's default
 * callback path and a filter chain signs users in with a plain {@code oauth2Login()}:
 * such a chain processes callbacks at {@code /login/oauth2/code/*} only, so HitKey's
 * callback would send the user to sign in again, without end. A chain that applies
 * {@code HitKeyLoginConfigurer} follows the redirect URI. It warns rather than failing
 * the startup: a chain may set {@code oauth2Login().loginProcessingUrl(...)} itself,
 * which a built chain does not show.
 *
 * @author HitKey
 */
final class CallbackPathCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(CallbackPathCheck.class);

	// Added by HitKeyLoginConfigurer, and package-private there.
	private static final String HITKEY_LOGIN_FILTER = "io.hitkey.spring.web.HitKeyAuthorizationFailureFilter";

	private final String redirectUri;

	private final ObjectProvider<SecurityFilterChain> chains;

	CallbackPathCheck(String redirectUri, ObjectProvider<SecurityFilterChain> chains) {
		this.redirectUri = redirectUri;
		this.chains = chains;
	}

	@Override
	public void afterSingletonsInstantiated() {
		String path = HitKeyCallbackPath.of(this.redirectUri);
		if (HitKeyCallbackPath.isSpringDefault(path)
				|| this.chains.orderedStream().noneMatch((chain) -> hasPlainLogin(chain.getFilters()))) {
			return;
		}
		logger.warn("hitkey.redirect-uri (" + this.redirectUri + ") calls back at " + path
				+ ", but a filter chain with oauth2Login() processes callbacks at "
				+ OAuth2LoginAuthenticationFilter.DEFAULT_FILTER_PROCESSES_URI
				+ ": sign-in will not complete. Apply HitKeyLoginConfigurer to the chain "
				+ "(http.with(HitKeyLoginConfigurer.hitKey(), ...)), which follows hitkey.redirect-uri, "
				+ "or set oauth2Login().loginProcessingUrl(\"" + path + "\")");
	}

	private static boolean hasPlainLogin(List<Filter> filters) {
		return filters.stream().anyMatch(OAuth2LoginAuthenticationFilter.class::isInstance)
				&& filters.stream().noneMatch((filter) -> HITKEY_LOGIN_FILTER.equals(filter.getClass().getName()));
	}

}
