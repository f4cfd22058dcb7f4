package io.hitkey.spring.autoconfigure;

/**
 * Thrown when a HitKey property is missing or invalid.
 *
 * @author HitKey
 */
class InvalidHitKeyPropertyException extends IllegalStateException {

	private final String property;

	private final String environmentVariable;

	private final String problem;

	InvalidHitKeyPropertyException(String property, String environmentVariable, String problem) {
		super("HitKey property '" + property + "' " + problem);
		this.property = property;
		this.environmentVariable = environmentVariable;
		this.problem = problem;
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

}
