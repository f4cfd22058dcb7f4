package io.hitkey.spring.sample;

import io.hitkey.spring.autoconfigure.HitKeyProperties;
import io.hitkey.spring.test.FakeHitKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells people when the sample runs against the fake HitKey: a banner on every page and a
 * line in the startup log.
 *
 * @author HitKey
 */
@ControllerAdvice
class DemoMode {

	private static final Log logger = LogFactory.getLog(DemoMode.class);

	private final boolean demoMode;

	private final ObjectProvider<FakeHitKey> demoHitKey;

	private final HitKeyProperties properties;

	DemoMode(@Value("${" + DemoModeEnvironmentPostProcessor.DEMO_MODE_PROPERTY + ":false}") boolean demoMode,
			ObjectProvider<FakeHitKey> demoHitKey, HitKeyProperties properties) {
		this.demoMode = demoMode;
		this.demoHitKey = demoHitKey;
		this.properties = properties;
	}

	@ModelAttribute("demoMode")
	boolean demoMode() {
		return this.demoMode;
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		if (this.demoMode) {
			String owner = (this.demoHitKey.getIfAvailable() != null) ? ""
					: ", which another instance of the sample started";
			logger.info("Demo mode: signing in against a fake HitKey at " + this.properties.getAuthUrl() + owner
					+ ". To use the real HitKey, set HITKEY_CLIENT_ID and HITKEY_CLIENT_SECRET (see README).");
		}
	}

}
