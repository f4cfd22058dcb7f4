package io.hitkey.spring.starter.sessions;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration;

/**
 * Spring Session in a real PostgreSQL, with Spring Boot's defaults: JDK serialization,
 * Spring Session's schema, created by Boot.
 */
final class PostgresSessionStore implements SessionStore {

	private static final String DATABASE = "sessions";

	private final PostgresServer server = PostgresServer.start(DATABASE);

	@Override
	public Map<String, String> applicationProperties() {
		return Map.of("spring.datasource.url", this.server.jdbcUrl(), "spring.datasource.username",
				PostgresServer.USER, "spring.datasource.password", "", "spring.session.jdbc.initialize-schema",
				"always", "spring.autoconfigure.exclude", SessionDataRedisAutoConfiguration.class.getName() + ","
						+ DataRedisAutoConfiguration.class.getName());
	}

	@Override
	public List<StoredValue> everything() {
		List<StoredValue> values = new ArrayList<>();
		try (Connection connection = this.server.connect()) {
			for (String table : tables(connection)) {
				try (Statement statement = connection.createStatement();
						ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
					ResultSetMetaData columns = rows.getMetaData();
					while (rows.next()) {
						for (int column = 1; column <= columns.getColumnCount(); column++) {
							byte[] bytes = (columns.getColumnType(column) == Types.BINARY) ? rows.getBytes(column)
									: bytesOf(rows.getString(column));
							if (bytes != null) {
								values.add(new StoredValue(table + "." + columns.getColumnName(column) + " of "
										+ rowName(rows, columns), bytes));
							}
						}
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return values;
	}

	@Override
	public SessionFootprint footprint(String sessionId) {
		String sql = "SELECT count(a.attribute_name), coalesce(sum(octet_length(a.attribute_bytes)), 0) "
				+ "FROM spring_session s JOIN spring_session_attributes a ON a.session_primary_id = s.primary_id "
				+ "WHERE s.session_id = ?";
		try (Connection connection = this.server.connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, sessionId);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return new SessionFootprint("PostgreSQL", result.getLong(2),
						result.getLong(1) + " rows in spring_session_attributes (sum of octet_length(attribute_bytes))");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.server.close();
	}

	private static List<String> tables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (ResultSet result = connection.getMetaData().getTables(null, "public", "%", new String[] { "TABLE" })) {
			while (result.next()) {
				tables.add(result.getString("TABLE_NAME"));
			}
		}
		return tables;
	}

	/**
	 * Return a row's name: its session and, for an attribute, the attribute's name.
	 */
	private static String rowName(ResultSet row, ResultSetMetaData columns) throws SQLException {
		StringBuilder name = new StringBuilder();
		for (int column = 1; column <= columns.getColumnCount(); column++) {
			String label = columns.getColumnName(column);
			if (List.of("session_id", "session_primary_id", "attribute_name").contains(label)) {
				name.append(name.isEmpty() ? "" : " ").append(label).append('=').append(row.getString(column));
			}
		}
		return name.isEmpty() ? "a row" : name.toString();
	}

	private static byte[] bytesOf(String text) {
		return (text != null) ? text.getBytes(StandardCharsets.UTF_8) : null;
	}

}
