package io.hitkey.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a missing or invalid HitKey property at startup, naming the property and its
 * environment variable.
 *
 * @author HitKey
 */
class InvalidHitKeyPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidHitKeyPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidHitKeyPropertyException cause) {
		String description = "Sign-in with HitKey is not configured correctly: the property '" + cause.getProperty()
				+ "' " + cause.getProblem() + ".";
		String action = cause.getAction();
		if (action == null) {
			action = "Set '" + cause.getProperty() + "' in application.yml (or application.properties), or the "
					+ cause.getEnvironmentVariable() + " environment variable. Client credentials come from "
					+ "registering your application at HitKey. To turn HitKey sign-in off, set 'hitkey.enabled=false'.";
		}
		return new FailureAnalysis(description, action, cause);
	}

}
