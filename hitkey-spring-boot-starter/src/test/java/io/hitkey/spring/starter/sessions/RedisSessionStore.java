package io.hitkey.spring.starter.sessions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration;

/**
 * Spring Session in a real Redis, with Spring Boot's defaults: one hash per session,
 * for servlet and WebFlux applications alike.
 */
final class RedisSessionStore implements SessionStore {

	private static final String SESSION_KEY_PREFIX = "spring:session:sessions:";

	/**
	 * The prefix of the hash fields that hold the session's attributes; the others are
	 * Spring Session's bookkeeping.
	 */
	private static final String ATTRIBUTE_PREFIX = "sessionAttr:";

	private final RedisServer server;

	private final RedisClient client;

	private final StatefulRedisConnection<byte[], byte[]> connection;

	RedisSessionStore() {
		this.server = RedisServer.start();
		this.client = RedisClient.create(RedisURI.create("127.0.0.1", this.server.port()));
		this.connection = this.client.connect(ByteArrayCodec.INSTANCE);
	}

	@Override
	public Map<String, String> applicationProperties() {
		return Map.of("spring.data.redis.host", "127.0.0.1", "spring.data.redis.port",
				String.valueOf(this.server.port()), "spring.autoconfigure.exclude",
				JdbcSessionAutoConfiguration.class.getName() + "," + DataSourceAutoConfiguration.class.getName());
	}

	@Override
	public List<StoredValue> everything() {
		RedisCommands<byte[], byte[]> redis = this.connection.sync();
		List<StoredValue> values = new ArrayList<>();
		KeyScanCursor<byte[]> cursor = redis.scan();
		while (true) {
			for (byte[] key : cursor.getKeys()) {
				String name = text(key);
				values.add(new StoredValue("key " + name, key));
				switch (redis.type(key)) {
					case "hash" -> redis.hgetall(key).forEach((field, value) -> {
						values.add(new StoredValue("field name in " + name, field));
						values.add(new StoredValue("field " + text(field) + " of " + name, value));
					});
					case "string" -> values.add(new StoredValue(name, redis.get(key)));
					case "set" -> redis.smembers(key).forEach((member) -> values.add(new StoredValue(name, member)));
					case "zset" -> redis.zrange(key, 0, -1).forEach((member) -> values.add(new StoredValue(name, member)));
					case "list" -> redis.lrange(key, 0, -1).forEach((item) -> values.add(new StoredValue(name, item)));
					case "none" -> {
						// Expired since the scan.
					}
					default -> throw new IllegalStateException("Unexpected type of " + name + ": " + redis.type(key));
				}
			}
			if (cursor.isFinished()) {
				return values;
			}
			cursor = redis.scan(ScanCursor.of(cursor.getCursor()));
		}
	}

	@Override
	public Map<String, byte[]> attributes(String sessionId) {
		Map<String, byte[]> attributes = new TreeMap<>();
		this.connection.sync().hgetall(key(sessionId)).forEach((field, value) -> {
			String name = text(field);
			if (name.startsWith(ATTRIBUTE_PREFIX)) {
				attributes.put(name.substring(ATTRIBUTE_PREFIX.length()), value);
			}
		});
		return attributes;
	}

	@Override
	public SessionFootprint footprint(String sessionId) {
		RedisCommands<byte[], byte[]> redis = this.connection.sync();
		byte[] key = key(sessionId);
		long fields = redis.hlen(key);
		// SAMPLES 0: every field, not an estimate from five of them.
		Long memoryUsage = redis.dispatch(CommandType.MEMORY, new IntegerOutput<>(ByteArrayCodec.INSTANCE),
				new CommandArgs<>(ByteArrayCodec.INSTANCE).add("USAGE").addKey(key).add("SAMPLES").add(0));
		return SessionFootprint.of("Redis", attributes(sessionId), "hash " + text(key) + ": " + fields
				+ " fields, bookkeeping included, MEMORY USAGE " + memoryUsage + " bytes");
	}

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

	private static byte[] key(String sessionId) {
		return (SESSION_KEY_PREFIX + sessionId).getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
