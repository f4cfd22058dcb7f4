package io.hitkey.spring.autoconfigure;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Warns at startup when {@code hitkey.redirect-uri} is not at Spring Security's default
 * callback path and the application defines its own WebFlux filter chain: such a chain
 * processes callbacks at {@code /login/oauth2/code/{registrationId}} unless its
 * {@code oauth2Login().authenticationMatcher(...)} says otherwise, so HitKey's callback
 * would send the user to sign in again, without end. The starter's own chain follows the
 * redirect URI. A built chain does not show its matcher, so this warns rather than
 * failing the startup.
 *
 * @author HitKey
 */
final class ReactiveCallbackPathCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(ReactiveCallbackPathCheck.class);

	static final String STARTER_CHAIN = "hitKeySecurityWebFilterChain";

	private final String redirectUri;

	private final ListableBeanFactory beans;

	ReactiveCallbackPathCheck(String redirectUri, ListableBeanFactory beans) {
		this.redirectUri = redirectUri;
		this.beans = beans;
	}

	@Override
	public void afterSingletonsInstantiated() {
		String path = HitKeyCallbackPath.of(this.redirectUri);
		Map<String, SecurityWebFilterChain> chains = this.beans.getBeansOfType(SecurityWebFilterChain.class);
		if (HitKeyCallbackPath.isSpringDefault(path) || chains.keySet().stream().allMatch(STARTER_CHAIN::equals)) {
			return;
		}
		logger.warn("hitkey.redirect-uri (" + this.redirectUri + ") calls back at " + path
				+ ", but a WebFlux filter chain of the application's own processes callbacks at "
				+ HitKeyCallbackPath.SPRING_DEFAULT_PREFIX + "{registrationId} unless its "
				+ "oauth2Login().authenticationMatcher(...) matches " + path + ": otherwise sign-in will not complete");
	}

}
