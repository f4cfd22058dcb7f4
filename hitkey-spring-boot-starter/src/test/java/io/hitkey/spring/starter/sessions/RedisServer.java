package io.hitkey.spring.starter.sessions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A real {@code redis-server} on a free port of {@code 127.0.0.1}, in memory only (no
 * snapshots, no append-only file), in a directory of its own that is deleted when it
 * stops.
 */
final class RedisServer implements AutoCloseable {

	static final String NOT_INSTALLED = "redis-server not found on PATH: install Debian's redis-server "
			+ "to run the Redis session tests";

	private final Path directory;

	private final Process process;

	private final int port;

	private RedisServer(Path directory, Process process, int port) {
		this.directory = directory;
		this.process = process;
		this.port = port;
	}

	/**
	 * Start a server; skip the tests where {@code redis-server} is not installed.
	 */
	static RedisServer start() {
		Path program = LocalServers.requireInstalled(LocalServers.onPath("redis-server"), NOT_INSTALLED);
		Path directory = LocalServers.newDirectory("hitkey-redis-");
		Path log = directory.resolve("redis.log");
		int port = LocalServers.freePort();
		Process process = LocalServers.start(List.of(program.toString(), "--port", String.valueOf(port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.toString()), log);
		RedisServer server = new RedisServer(directory, process, port);
		try {
			LocalServers.awaitAnswer("redis-server", process, log, server::answersPing);
		}
		catch (RuntimeException ex) {
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
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 1000);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] answer = in.readNBytes(7);
			return "+PONG\r\n".equals(new String(answer, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		LocalServers.awaitExit(this.process);
		LocalServers.delete(this.directory);
	}

}
