package io.hitkey.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.session.jdbc.Db2JdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.OracleJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.SqlServerJdbcIndexedSessionRepositoryCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConcurrentJdbcSessionWrites}; the concurrent writes themselves are
 * proven on a real PostgreSQL by the starter's session-store tests.
 */
class ConcurrentJdbcSessionWritesTests {

	@Test
	void eachDatabaseGetsSpringSessionsUpsertForIt() {
		assertThat(ConcurrentJdbcSessionWrites.upsertFor("PostgreSQL"))
			.isInstanceOf(PostgreSqlJdbcIndexedSessionRepositoryCustomizer.class);
		assertThat(ConcurrentJdbcSessionWrites.upsertFor("MySQL"))
			.isInstanceOf(MySqlJdbcIndexedSessionRepositoryCustomizer.class);
		assertThat(ConcurrentJdbcSessionWrites.upsertFor("MariaDB"))
			.isInstanceOf(MySqlJdbcIndexedSessionRepositoryCustomizer.class);
		assertThat(ConcurrentJdbcSessionWrites.upsertFor("Oracle"))
			.isInstanceOf(OracleJdbcIndexedSessionRepositoryCustomizer.class);
		assertThat(ConcurrentJdbcSessionWrites.upsertFor("Microsoft SQL Server"))
			.isInstanceOf(SqlServerJdbcIndexedSessionRepositoryCustomizer.class);
		assertThat(ConcurrentJdbcSessionWrites.upsertFor("DB2/LINUXX8664"))
			.isInstanceOf(Db2JdbcIndexedSessionRepositoryCustomizer.class);
	}

	@Test
	void otherDatabasesAreLeftAlone() {
		assertThat(ConcurrentJdbcSessionWrites.upsertFor("H2")).isNull();
		assertThat(ConcurrentJdbcSessionWrites.upsertFor(null)).isNull();
	}

}
