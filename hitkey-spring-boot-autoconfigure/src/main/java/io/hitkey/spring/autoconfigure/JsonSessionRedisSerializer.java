package io.hitkey.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;

/**
 * Spring Session's Redis serializer for JSON sessions: the session's values and its
 * bookkeeping (creation and access times) through {@link SessionJson}.
 *
 * @author HitKey
 */
final class JsonSessionRedisSerializer implements RedisSerializer<Object> {

	private final SessionJson json;

	JsonSessionRedisSerializer(SessionJson json) {
		this.json = json;
	}

	@Override
	public byte[] serialize(@Nullable Object value) throws SerializationException {
		if (value == null) {
			return new byte[0];
		}
		try {
			return this.json.write(value);
		}
		catch (IllegalArgumentException ex) {
			throw new SerializationException(ex.getMessage(), ex);
		}
	}

	@Override
	public @Nullable Object deserialize(byte @Nullable [] bytes) throws SerializationException {
		return this.json.read(bytes);
	}

}
