package io.hitkey.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a HitKey property is missing or invalid.
 *
 * @author HitKey
 */
class InvalidHitKeyPropertyException extends IllegalStateException {

	private final String property;

	private final String environmentVariable;

	private final String problem;

	private final @Nullable String action;

	InvalidHitKeyPropertyException(String property, String environmentVariable, String problem) {
		this(property, environmentVariable, problem, null);
	}

	/**
	 * Create an exception whose fix is not to set the property.
	 */
	InvalidHitKeyPropertyException(String property, String environmentVariable, String problem,
			@Nullable String action) {
		super("HitKey property '" + property + "' " + problem);
		this.property = property;
		this.environmentVariable = environmentVariable;
		this.problem = problem;
		this.action = action;
	}

	String getProperty() {
		return this.property;
	}

	String getEnvironmentVariable() {
		return this.environmentVariable;
	}

	String getProblem() {
		return this.problem;
	}

	@Nullable String getAction() {
		return this.action;
	}

}
