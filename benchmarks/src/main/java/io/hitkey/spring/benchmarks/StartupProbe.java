package io.hitkey.spring.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Startup time to ready, measured in a fresh JVM per start: the JVM's uptime when
 * {@code SpringApplication.run} returns, after the application is ready.
 */
final class StartupProbe {

	private static final String READY = "READY ";

	private StartupProbe() {
	}

	public static void main(String[] args) {
		ConfigurableApplicationContext context = Contender.valueOf(args[0]).start("https://127.0.0.1:9",
				"https://127.0.0.1:9");
		System.out.println(READY + ManagementFactory.getRuntimeMXBean().getUptime());
		context.close();
	}

	/**
	 * Start the contender in a new JVM with this JVM's class path and return its time to
	 * ready in milliseconds.
	 */
	static long measure(Contender contender) throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		Process process = new ProcessBuilder(List.of(java, "-Xmx512m", "-XX:+UseG1GC", "-cp",
				System.getProperty("java.class.path"), StartupProbe.class.getName(), contender.name()))
			.redirectErrorStream(true)
			.start();
		StringBuilder output = new StringBuilder();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.startsWith(READY)) {
					long ready = Long.parseLong(line.substring(READY.length()).trim());
					process.waitFor(30, TimeUnit.SECONDS);
					return ready;
				}
				output.append(line).append('\n');
			}
		}
		finally {
			process.destroyForcibly();
		}
		throw new IllegalStateException(contender + " did not start:\n" + output);
	}

}
