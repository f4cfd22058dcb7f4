package io.hitkey.spring.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interleaved rounds: every contender runs a warm-up round that also sizes its rounds,
 * then the contenders take turns, round after round, so that a drift of the machine
 * (JIT, GC, another process) falls on all of them alike. Figures are medians over the
 * rounds.
 */
final class Rounds {

	private final int rounds;

	private final double roundSeconds;

	Rounds(int rounds, double roundSeconds) {
		this.rounds = rounds;
		this.roundSeconds = roundSeconds;
	}

	/**
	 * The number of measured rounds.
	 */
	int count() {
		return this.rounds;
	}

	Map<String, Summary> run(Load load, Map<String, Workload> contenders) throws Exception {
		Map<String, Integer> sizes = new LinkedHashMap<>();
		for (Map.Entry<String, Workload> contender : contenders.entrySet()) {
			Workload workload = contender.getValue();
			int warmUp = 25 * load.concurrency();
			load.run(warmUp, workload.prepare(warmUp));
			Load.Round sizing = load.run(warmUp, workload.prepare(warmUp));
			int size = (int) Math.max(10L * load.concurrency(), Math.round(sizing.perSecond() * this.roundSeconds));
			sizes.put(contender.getKey(), Math.min(size, 50_000));
		}
		Map<String, List<Load.Round>> measured = new LinkedHashMap<>();
		for (int round = 0; round < this.rounds; round++) {
			for (Map.Entry<String, Workload> contender : contenders.entrySet()) {
				int size = sizes.get(contender.getKey());
				Load.Operation operation = contender.getValue().prepare(size);
				System.gc();
				Load.Round result = load.run(size, operation);
				contender.getValue().measured(size);
				measured.computeIfAbsent(contender.getKey(), (key) -> new ArrayList<>()).add(result);
			}
		}
		Map<String, Summary> summaries = new LinkedHashMap<>();
		measured.forEach((name, results) -> summaries.put(name, Summary.of(results)));
		return summaries;
	}

	/**
	 * Medians over the measured rounds.
	 * @param perSecond operations per second
	 * @param p50Ms median latency in milliseconds
	 * @param p99Ms 99th percentile latency in milliseconds
	 */
	record Summary(double perSecond, double p50Ms, double p99Ms) {

		static Summary of(List<Load.Round> rounds) {
			return new Summary(Medians.of(rounds.stream().mapToDouble(Load.Round::perSecond).toArray()),
					Medians.of(rounds.stream().mapToDouble(Load.Round::p50Ms).toArray()),
					Medians.of(rounds.stream().mapToDouble(Load.Round::p99Ms).toArray()));
		}

	}

}
