package io.hitkey.spring.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The one line the starter logs at startup, on either stack, once the application's
 * singletons are ready: where the application signs users in with HitKey and as which
 * client, or that it is an API that only accepts HitKey access tokens. It never holds
 * the client secret.
 *
 * @author HitKey
 */
final class HitKeyStartupLog implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(HitKeyStartupLog.class);

	private final String line;

	private HitKeyStartupLog(String line) {
		this.line = line;
	}

	/**
	 * Return the startup log of an application that signs users in with HitKey.
	 * @throws InvalidHitKeyPropertyException if a URL or the client id is missing or
	 * invalid
	 */
	static HitKeyStartupLog signIn(HitKeyProperties properties) {
		HitKeyPropertiesMapper mapper = new HitKeyPropertiesMapper(properties);
		return new HitKeyStartupLog("Signing in with HitKey at " + mapper.authUrl() + " (API " + mapper.apiUrl()
				+ ") as client " + HitKeyLogText.of(mapper.clientId()));
	}

	/**
	 * Return the startup log of an application that only accepts HitKey access tokens.
	 * @throws InvalidHitKeyPropertyException if {@code hitkey.api-url} is invalid
	 */
	static HitKeyStartupLog apiOnly(HitKeyProperties properties) {
		return new HitKeyStartupLog("HitKey sign-in is off (hitkey.client-id is not set): this application is an API "
				+ "that accepts HitKey access tokens as Bearer tokens, checked at "
				+ new HitKeyPropertiesMapper(properties).userInfoUri());
	}

	@Override
	public void afterSingletonsInstantiated() {
		logger.info(this.line);
	}

}
