package io.hitkey.spring.starter.sessions;

/**
 * Two instances sharing Spring Session in a real Redis.
 */
class RedisSessionsTests extends SeveralInstancesTests {

	@Override
	SessionStore startStore() {
		return new RedisSessionStore();
	}

}
