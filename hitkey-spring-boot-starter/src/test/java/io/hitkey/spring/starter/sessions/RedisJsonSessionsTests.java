package io.hitkey.spring.starter.sessions;

/**
 * Two instances sharing Spring Session in a real Redis, writing session values as JSON.
 */
class RedisJsonSessionsTests extends SeveralInstancesTests {

	@Override
	SessionStore startStore() {
		return new RedisSessionStore();
	}

	@Override
	SessionSerialization serialization() {
		return SessionSerialization.JSON;
	}

}
