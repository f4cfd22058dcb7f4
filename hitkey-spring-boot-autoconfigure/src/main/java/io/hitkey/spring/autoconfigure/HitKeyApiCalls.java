package io.hitkey.spring.autoconfigure;

import java.time.Duration;

/**
 * How long one call to HitKey's API may take, whole, on either stack: connecting and
 * reading the entire answer together are bounded by {@code hitkey.connect-timeout} plus
 * {@code hitkey.read-timeout}, and a request that waits for another's call gives up a
 * second after that.
 *
 * @author HitKey
 */
final class HitKeyApiCalls {

	/**
	 * The largest answer read from HitKey: its token and userinfo answers are a few
	 * hundred bytes.
	 */
	static final int MAX_ANSWER_BYTES = 256 * 1024;

	/**
	 * The failure of an answer larger than {@link #MAX_ANSWER_BYTES}.
	 */
	static final String TOO_LARGE = "HitKey's answer is larger than " + MAX_ANSWER_BYTES / 1024 + " KB";

	private static final Duration WAITER_MARGIN = Duration.ofSeconds(1);

	private HitKeyApiCalls() {
	}

	/**
	 * Return the longest a HitKey call may take, from the first connect to the last byte
	 * of its answer.
	 * @param properties the HitKey properties
	 * @return the bound of one call
	 */
	static Duration maxDuration(HitKeyProperties properties) {
		return properties.getConnectTimeout().plus(properties.getReadTimeout());
	}

	/**
	 * Return the longest a request waits for a HitKey call made by another request.
	 * @param properties the HitKey properties
	 * @return the bound of a wait
	 */
	static Duration maxWait(HitKeyProperties properties) {
		return maxDuration(properties).plus(WAITER_MARGIN);
	}

}
