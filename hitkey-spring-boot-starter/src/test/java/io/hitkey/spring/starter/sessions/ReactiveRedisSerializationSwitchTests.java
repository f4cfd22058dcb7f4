package io.hitkey.spring.starter.sessions;

/**
 * WebFlux instances that switch serialization on a real Redis.
 */
class ReactiveRedisSerializationSwitchTests extends SerializationSwitchTests {

	@Override
	SessionStore startStore() {
		return new RedisSessionStore();
	}

	@Override
	Instance.Stack stack() {
		return Instance.Stack.REACTIVE;
	}

}
