package io.hitkey.spring.sample;

import io.hitkey.spring.test.FakeHitKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
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

	private final ObjectProvider<FakeHitKey> demoHitKey;

	DemoMode(ObjectProvider<FakeHitKey> demoHitKey) {
		this.demoHitKey = demoHitKey;
	}

	@ModelAttribute("demoMode")
	boolean demoMode() {
		return this.demoHitKey.getIfAvailable() != null;
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		FakeHitKey hitKey = this.demoHitKey.getIfAvailable();
		if (hitKey != null) {
			logger.info("Demo mode: signing in against a fake HitKey at " + hitKey.authUrl()
					+ ". To use the real HitKey, set HITKEY_CLIENT_ID and HITKEY_CLIENT_SECRET (see README).");
		}
	}

}
