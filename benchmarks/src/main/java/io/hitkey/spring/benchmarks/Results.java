package io.hitkey.spring.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of a run: a nested map written as {@code results.json}, and the rows of the
 * table printed on stdout.
 */
final class Results {

	private final Map<String, Object> figures = new LinkedHashMap<>();

	private final List<String[]> rows = new ArrayList<>();

	/**
	 * Set the value at the given path of keys, creating the maps on the way.
	 */
	@SuppressWarnings("unchecked")
	void put(Object value, String... path) {
		Map<String, Object> map = this.figures;
		for (int i = 0; i < path.length - 1; i++) {
			map = (Map<String, Object>) map.computeIfAbsent(path[i], (key) -> new LinkedHashMap<String, Object>());
		}
		map.put(path[path.length - 1], value);
	}

	/**
	 * Add a row to the table: the figure, the contenders' values, how the starter compares
	 * and the target.
	 */
	void row(String figure, String starter, String other, String third, String comparison, String target) {
		this.rows.add(new String[] { figure, starter, other, third, comparison, target });
	}

	/**
	 * Record a target of the issue: what it asks, what was measured, and whether it is
	 * met.
	 */
	void target(String name, String wanted, double measured, boolean met) {
		Map<String, Object> target = new LinkedHashMap<>();
		target.put("wanted", wanted);
		target.put("measured", round(measured));
		target.put("met", met);
		put(target, "targets", name);
	}

	void print(PrintStream out, String heading) {
		out.println();
		out.println(heading);
		out.println();
		String[] header = { "Figure", "starter", "hand-written", "raw / open / none", "starter vs.", "target" };
		int[] widths = new int[header.length];
		List<String[]> all = new ArrayList<>();
		all.add(header);
		all.addAll(this.rows);
		for (String[] row : all) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		for (String[] row : all) {
			StringBuilder line = new StringBuilder("| ");
			for (int i = 0; i < row.length; i++) {
				String cell = row[i];
				line.append((i == 0) ? pad(cell, widths[i]) : padLeft(cell, widths[i])).append(" | ");
			}
			out.println(line.toString().stripTrailing());
			if (row == header) {
				StringBuilder rule = new StringBuilder("|");
				for (int i = 0; i < widths.length; i++) {
					String dashes = "-".repeat(widths[i] - 1);
					rule.append(' ').append((i == 0) ? ":" + dashes : dashes + ":").append(" |");
				}
				out.println(rule);
			}
		}
	}

	void write(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		Files.writeString(file, mapper.writeValueAsString(this.figures));
	}

	static double round(double value) {
		double scale = (Math.abs(value) >= 100) ? 1 : (Math.abs(value) >= 1) ? 100 : 10_000;
		return Math.round(value * scale) / scale;
	}

	static String format(double value) {
		if (Math.abs(value) >= 100) {
			return String.format("%,.0f", value);
		}
		return (Math.abs(value) >= 1) ? String.format("%.2f", value) : String.format("%.3f", value);
	}

	private static String pad(String value, int width) {
		return value + " ".repeat(width - value.length());
	}

	private static String padLeft(String value, int width) {
		return " ".repeat(width - value.length()) + value;
	}

}
