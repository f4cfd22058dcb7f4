package io.hitkey.spring.starter.sessions;

/**
 * Instances that switch serialization on a real Redis.
 */
class RedisSerializationSwitchTests extends SerializationSwitchTests {

	@Override
	SessionStore startStore() {
		return new RedisSessionStore();
	}

}
