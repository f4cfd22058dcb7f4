package io.hitkey.spring.benchmarks;

/**
 * What a contender does in a round: prepared before the clock starts (codes to exchange,
 * counters to reset), then run as {@link Load.Operation}s.
 */
interface Workload {

	/**
	 * Prepare a round of the given number of operations, untimed.
	 */
	Load.Operation prepare(int operations) throws Exception;

	/**
	 * Called after each measured round, untimed.
	 */
	default void measured(int operations) {
	}

}
