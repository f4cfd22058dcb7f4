package io.hitkey.spring.starter.sessions;

/**
 * Two instances sharing Spring Session JDBC in a real PostgreSQL.
 */
class PostgresSessionsTests extends SeveralInstancesTests {

	@Override
	SessionStore startStore() {
		return new PostgresSessionStore();
	}

}
