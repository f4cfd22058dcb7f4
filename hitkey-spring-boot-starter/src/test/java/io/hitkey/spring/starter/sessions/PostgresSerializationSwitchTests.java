package io.hitkey.spring.starter.sessions;

/**
 * Instances that switch serialization on a real PostgreSQL.
 */
class PostgresSerializationSwitchTests extends SerializationSwitchTests {

	@Override
	SessionStore startStore() {
		return new PostgresSessionStore();
	}

}
