package io.hitkey.spring.starter.sessions;

/**
 * Two instances sharing Spring Session JDBC in a real PostgreSQL, writing session values
 * as JSON.
 */
class PostgresJsonSessionsTests extends SeveralInstancesTests {

	@Override
	SessionStore startStore() {
		return new PostgresSessionStore();
	}

	@Override
	SessionSerialization serialization() {
		return SessionSerialization.JSON;
	}

}
