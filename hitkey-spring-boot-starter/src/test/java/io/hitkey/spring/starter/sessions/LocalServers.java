package io.hitkey.spring.starter.sessions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What the fixtures that run a real server on this machine share: finding its programs,
 * a free port and a directory of its own, waiting until it answers, cleaning up.
 */
final class LocalServers {

	/**
	 * Set to {@code true} (CI does) to fail, instead of skip, when a server's programs
	 * are missing.
	 */
	static final String REQUIRED_PROPERTY = "session.stores.required";

	private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);

	private LocalServers() {
	}

	/**
	 * Return what was found or, when nothing was, skip the tests with the given message,
	 * or fail them when {@value #REQUIRED_PROPERTY} is {@code true}.
	 */
	static <T> T requireInstalled(Optional<T> found, String message) {
		if (found.isEmpty()) {
			if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
				Assertions.fail(message + " (" + REQUIRED_PROPERTY + "=true)");
			}
			Assumptions.abort(message);
		}
		return found.get();
	}

	/**
	 * Return the given program found on the {@code PATH}, as found: some programs are a
	 * link to another that behaves by the name it was called by ({@code redis-server}).
	 */
	static Optional<Path> onPath(String program) {
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.of(path.split(File.pathSeparator))
			.filter((dir) -> !dir.isEmpty())
			.map((dir) -> Path.of(dir, program))
			.filter(Files::isExecutable)
			.findFirst();
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path newDirectory(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Run a command to its end, its output in the given log; fail when it fails.
	 */
	static void run(List<String> command, Path log) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			if (process.waitFor() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed:\n" + read(log));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Start a server, its output in the given log.
	 */
	static Process start(List<String> command, Path log) {
		try {
			return new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Wait until the server answers; fail with its log when it exits first or does not
	 * answer within a minute (a server that hangs must not hang the build).
	 */
	static void awaitAnswer(String name, Process server, Path log, BooleanSupplier answers) {
		long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
		while (!answers.getAsBoolean()) {
			if (!server.isAlive()) {
				throw new IllegalStateException(name + " exited with " + server.exitValue() + ":\n" + read(log));
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(name + " did not answer within " + STARTUP_LIMIT + ":\n" + read(log));
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	/**
	 * Wait for a server to exit after it was asked to, then make sure it did.
	 */
	static void awaitExit(Process server) {
		try {
			if (!server.waitFor(30, TimeUnit.SECONDS)) {
				server.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			server.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	static void delete(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path log) {
		try {
			return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
		}
		catch (IOException ex) {
			return "(output unreadable: " + ex + ")";
		}
	}

}
