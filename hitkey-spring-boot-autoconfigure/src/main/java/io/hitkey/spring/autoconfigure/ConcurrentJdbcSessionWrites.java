package io.hitkey.spring.autoconfigure;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.Db2JdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.OracleJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.SqlServerJdbcIndexedSessionRepositoryCustomizer;

/**
 * Lets Spring Session JDBC take session attributes that concurrent requests of one
 * session add at the same moment. Spring Session inserts a new attribute with a plain
 * {@code INSERT}, so when several tabs restored at once are each sent to sign in, all
 * but one fail their save of the page to return to with a duplicate key: an error 500
 * on PostgreSQL. Spring Session ships an upsert for each database that has one; this
 * applies the database's own, and leaves other databases alone. It must run after Spring
 * Boot's customizer, whose table name resets every query.
 *
 * @author HitKey
 */
final class ConcurrentJdbcSessionWrites implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository> {

	private static final Log logger = LogFactory.getLog(ConcurrentJdbcSessionWrites.class);

	private final Supplier<@Nullable DataSource> dataSource;

	ConcurrentJdbcSessionWrites(Supplier<@Nullable DataSource> dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void customize(JdbcIndexedSessionRepository repository) {
		SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsert = upsertFor(productName());
		if (upsert != null) {
			upsert.customize(repository);
		}
	}

	static @Nullable SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertFor(@Nullable String productName) {
		String product = (productName != null) ? productName.toLowerCase(Locale.ROOT) : "";
		if (product.contains("postgresql")) {
			return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
		}
		if (product.contains("mysql") || product.contains("mariadb")) {
			return new MySqlJdbcIndexedSessionRepositoryCustomizer();
		}
		if (product.contains("oracle")) {
			return new OracleJdbcIndexedSessionRepositoryCustomizer();
		}
		if (product.contains("sql server")) {
			return new SqlServerJdbcIndexedSessionRepositoryCustomizer();
		}
		if (product.startsWith("db2")) {
			return new Db2JdbcIndexedSessionRepositoryCustomizer();
		}
		return null;
	}

	private @Nullable String productName() {
		DataSource dataSource = this.dataSource.get();
		if (dataSource == null) {
			return null;
		}
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException ex) {
			logger.debug("Could not tell the session database, so Spring Session's inserts are left as they are", ex);
			return null;
		}
	}

}
