package io.hitkey.spring.starter.sessions;

/**
 * Two WebFlux instances sharing Spring Session's reactive Redis store, writing session
 * values as JSON.
 */
class ReactiveRedisJsonSessionsTests extends SeveralInstancesTests {

	@Override
	SessionStore startStore() {
		return new RedisSessionStore();
	}

	@Override
	Instance.Stack stack() {
		return Instance.Stack.REACTIVE;
	}

	@Override
	SessionSerialization serialization() {
		return SessionSerialization.JSON;
	}

}
