package io.hitkey.spring.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code redis-server} of this machine, started for the benchmarks on a free port of
 * {@code 127.0.0.1}, in memory only (no snapshots, no append-only file), in a temporary
 * directory of its own that is deleted when it stops.
 */
final class RedisServer implements AutoCloseable {

	private static final long STARTUP_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);

	private final Path directory;

	private final Process process;

	private final int port;

	private RedisServer(Path directory, Process process, int port) {
		this.directory = directory;
		this.process = process;
		this.port = port;
	}

	/**
	 * Return {@code redis-server} as found on the {@code PATH} (Debian's is a link that
	 * behaves by the name it is called by), or nothing.
	 */
	static Optional<Path> program() {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.filter((dir) -> !dir.isEmpty())
			.map((dir) -> Path.of(dir, "redis-server"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	/**
	 * Start the given program and return once it answers {@code PING}.
	 */
	static RedisServer start(Path program) throws IOException, InterruptedException {
		Path directory = Files.createTempDirectory("hitkey-benchmarks-redis-");
		Path log = directory.resolve("redis.log");
		int port = freePort();
		Process process = new ProcessBuilder(program.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--dir", directory.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		RedisServer server = new RedisServer(directory, process, port);
		try {
			long deadline = System.nanoTime() + STARTUP_LIMIT_NANOS;
			while (!server.answersPing()) {
				if (!process.isAlive() || System.nanoTime() > deadline) {
					throw new IllegalStateException("redis-server did not start on port " + port + ":\n"
							+ Files.readString(log, StandardCharsets.UTF_8));
				}
				Thread.sleep(50);
			}
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			server.close();
			throw ex;
		}
		return server;
	}

	int port() {
		return this.port;
	}

	private boolean answersPing() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 1000);
			socket.setSoTimeout(1000);
			socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			byte[] answer = socket.getInputStream().readNBytes(7);
			return "+PONG\r\n".equals(new String(answer, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Stop the server and delete its directory.
	 */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		try (Stream<Path> paths = Files.walk(this.directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
