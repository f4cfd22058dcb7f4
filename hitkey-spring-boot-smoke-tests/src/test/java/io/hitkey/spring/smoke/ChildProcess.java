package io.hitkey.spring.smoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;

/**
 * A process of a smoke test (a Maven build, an application), its output in a file. It is
 * always bounded by a timeout, and closing it stops it and every process it started.
 *
 * @author HitKey
 */
final class ChildProcess implements AutoCloseable {

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private static final int OUTPUT_LINES_ON_FAILURE = 150;

	private final String name;

	private final Process process;

	private final Path log;

	private ChildProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	static ChildProcess start(String name, Path directory, Path log, List<String> command) throws IOException {
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("MAVEN_ARGS", "--batch-mode --no-transfer-progress");
		// Real HitKey credentials of the environment would turn the sample's demo mode off.
		builder.environment().keySet().removeIf((variable) -> variable.startsWith("HITKEY_"));
		return new ChildProcess(name, builder.start(), log);
	}

	/**
	 * Wait until the process ends, and fail unless it ends with exit code 0 within the
	 * timeout.
	 */
	void awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				fail("did not end within " + timeout);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			fail("was interrupted");
		}
		if (this.process.exitValue() != 0) {
			fail("ended with exit code " + this.process.exitValue());
		}
	}

	/**
	 * Wait until the process writes a line that matches the pattern, failing when it ends
	 * or the timeout passes first.
	 */
	Matcher awaitOutput(Pattern pattern, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			Matcher matcher = pattern.matcher(output());
			if (matcher.find()) {
				return matcher;
			}
			if (!this.process.isAlive()) {
				fail("ended (exit code " + this.process.exitValue() + ") before writing /" + pattern + "/");
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				fail("was interrupted");
			}
		}
		fail("did not write /" + pattern + "/ within " + timeout);
		throw new IllegalStateException();
	}

	/**
	 * Return everything the process has written so far.
	 */
	String output() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Fail the test, printing the end of the process's output.
	 */
	void fail(String what) {
		stop();
		List<String> lines = output().lines().toList();
		String end = String.join("\n", lines.subList(Math.max(0, lines.size() - OUTPUT_LINES_ON_FAILURE), lines.size()));
		System.out.println("---- " + this.name + " (" + this.log + "), last lines ----\n" + end + "\n----");
		Assertions.fail(this.name + " " + what + "; its output: " + this.log + "\n" + end);
	}

	/**
	 * Stop the processes this one started, then this one: gracefully (SIGTERM, so that a
	 * Spring application shuts down as it would in production), forcibly after a timeout.
	 */
	@Override
	public void close() {
		stop();
	}

	private void stop() {
		List<ProcessHandle> descendants = this.process.descendants().toList();
		descendants.forEach(ProcessHandle::destroy);
		descendants.forEach(ChildProcess::awaitOrKill);
		this.process.destroy();
		awaitOrKill(this.process.toHandle());
	}

	private static void awaitOrKill(ProcessHandle process) {
		try {
			process.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
