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
import java.util.TreeMap;

import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration;

/**
 * Spring Session in a real PostgreSQL, with Spring Boot's defaults: Spring Session's
 * schema, created by Boot.
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
	public Map<String, byte[]> attributes(String sessionId) {
		String sql = "SELECT a.attribute_name, a.attribute_bytes FROM spring_session s "
				+ "JOIN spring_session_attributes a ON a.session_primary_id = s.primary_id WHERE s.session_id = ?";
		Map<String, byte[]> attributes = new TreeMap<>();
		try (Connection connection = this.server.connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, sessionId);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					attributes.put(rows.getString(1), rows.getBytes(2));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return attributes;
	}

	@Override
	public SessionFootprint footprint(String sessionId) {
		Map<String, byte[]> attributes = attributes(sessionId);
		return SessionFootprint.of("PostgreSQL", attributes,
				attributes.size() + " rows in spring_session_attributes (attribute_bytes)");
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
