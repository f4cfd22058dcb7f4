package io.hitkey.spring.benchmarks;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a fixed number of operations on a fixed number of threads and measures the
 * round: operations per second of wall-clock time and the latency of each operation.
 */
final class Load implements AutoCloseable {

	private final int concurrency;

	private final ExecutorService threads;

	Load(int concurrency) {
		this.concurrency = concurrency;
		this.threads = Executors.newFixedThreadPool(concurrency, (task) -> {
			Thread thread = new Thread(task, "load");
			thread.setDaemon(true);
			return thread;
		});
	}

	int concurrency() {
		return this.concurrency;
	}

	/**
	 * Run the given operation {@code operations} times and measure it; the first failure
	 * ends the round with an exception, as a benchmark that counts failures as work would
	 * lie.
	 */
	Round run(int operations, Operation operation) throws Exception {
		long[] latencies = new long[operations];
		AtomicInteger next = new AtomicInteger();
		AtomicReference<Exception> failure = new AtomicReference<>();
		Future<?>[] workers = new Future<?>[this.concurrency];
		long start = System.nanoTime();
		for (int i = 0; i < this.concurrency; i++) {
			workers[i] = this.threads.submit(() -> {
				int index;
				while (failure.get() == null && (index = next.getAndIncrement()) < operations) {
					long begin = System.nanoTime();
					try {
						operation.run(index);
					}
					catch (Exception ex) {
						failure.compareAndSet(null, ex);
					}
					latencies[index] = System.nanoTime() - begin;
				}
			});
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		long wall = System.nanoTime() - start;
		if (failure.get() != null) {
			throw new IllegalStateException("An operation failed: " + failure.get(), failure.get());
		}
		Arrays.sort(latencies);
		return new Round(operations * 1e9 / wall, percentile(latencies, 0.50), percentile(latencies, 0.99));
	}

	private static double percentile(long[] sorted, double fraction) {
		int index = (int) Math.ceil(fraction * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

	@Override
	public void close() {
		this.threads.shutdownNow();
	}

	/**
	 * One measured operation, told its index within the round.
	 */
	@FunctionalInterface
	interface Operation {

		void run(int index) throws Exception;

	}

	/**
	 * What one round measured.
	 * @param perSecond operations per second
	 * @param p50Ms median latency in milliseconds
	 * @param p99Ms 99th percentile latency in milliseconds
	 */
	record Round(double perSecond, double p50Ms, double p99Ms) {

	}

}
