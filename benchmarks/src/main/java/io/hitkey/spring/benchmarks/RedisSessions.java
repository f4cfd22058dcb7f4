package io.hitkey.spring.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a signed-in user's session takes in a real Redis: a contender started once more
 * with Spring Session on a {@link RedisServer} of its own, a user signed in, and the
 * session's hash read back (Spring Session's default repository keeps one hash per
 * session: its bookkeeping and one field per attribute).
 */
final class RedisSessions implements AutoCloseable {

	private static final String SESSION_KEY_PREFIX = "spring:session:sessions:";

	private final RedisServer server;

	private final RedisClient client;

	private final StatefulRedisConnection<byte[], byte[]> connection;

	private RedisSessions(RedisServer server) {
		this.server = server;
		this.client = RedisClient.create(RedisURI.create("127.0.0.1", server.port()));
		this.connection = this.client.connect(ByteArrayCodec.INSTANCE);
	}

	/**
	 * Start a server with the given {@code redis-server} program.
	 */
	static RedisSessions start(Path program) throws Exception {
		RedisServer server = RedisServer.start(program);
		try {
			return new RedisSessions(server);
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
	}

	/**
	 * Start the contender on this Redis with the given {@code hitkey.session.serialization},
	 * sign a user in and return what the session takes.
	 */
	Footprint measure(Contender contender, String serialization, String authUrl, String apiUrl) throws Exception {
		try (ConfigurableApplicationContext app = contender.startOnRedis(authUrl, apiUrl, this.server.port(),
				serialization)) {
			String appUrl = "http://127.0.0.1:" + Contender.port(app);
			Browser browser = new Browser();
			browser.signIn(appUrl);
			String sessionId = JsonMapper.shared()
				.readTree(browser.get(URI.create(appUrl + "/session-bytes"), "application/json").body())
				.get("session_id")
				.asString();
			return footprint(sessionId);
		}
	}

	private Footprint footprint(String sessionId) {
		RedisCommands<byte[], byte[]> redis = this.connection.sync();
		byte[] key = (SESSION_KEY_PREFIX + sessionId).getBytes(StandardCharsets.UTF_8);
		Map<String, Integer> fields = new TreeMap<>();
		redis.hgetall(key).forEach((field, value) -> fields.put(new String(field, StandardCharsets.UTF_8), value.length));
		if (fields.isEmpty()) {
			throw new IllegalStateException("No session hash " + new String(key, StandardCharsets.UTF_8) + " in Redis");
		}
		// SAMPLES 0: every field counted, not an estimate from five of them.
		Long memoryUsage = redis.dispatch(CommandType.MEMORY, new IntegerOutput<>(ByteArrayCodec.INSTANCE),
				new CommandArgs<>(ByteArrayCodec.INSTANCE).add("USAGE").addKey(key).add("SAMPLES").add(0));
		return new Footprint(memoryUsage, fields);
	}

	/**
	 * Close the connection and stop the server.
	 */
	@Override
	public void close() {
		try {
			this.connection.close();
			this.client.shutdown();
		}
		finally {
			this.server.close();
		}
	}

	/**
	 * One session's hash in Redis.
	 * @param memoryUsage what {@code MEMORY USAGE key SAMPLES 0} answers: the key, the
	 * fields' names and values, and Redis's overhead
	 * @param fields the bytes of each field's value, by field name
	 */
	record Footprint(long memoryUsage, Map<String, Integer> fields) {

		/**
		 * The bytes of all the fields' values.
		 */
		long valueBytes() {
			return this.fields.values().stream().mapToLong(Integer::longValue).sum();
		}

		/**
		 * The fields whose value is empty.
		 */
		long emptyFields() {
			return this.fields.values().stream().filter((bytes) -> bytes == 0).count();
		}

	}

}
