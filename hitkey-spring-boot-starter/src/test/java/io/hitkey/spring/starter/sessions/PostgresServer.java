package io.hitkey.spring.starter.sessions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.sun.security.auth.module.UnixSystem;

/**
 * A real PostgreSQL on a free port of {@code 127.0.0.1}: a cluster of its own made by
 * {@code initdb} in a new directory (its socket there too), one database for the test,
 * stopped ({@code pg_ctl stop -m fast}) and deleted on close. PostgreSQL refuses to run
 * as root: as root, its programs run as the {@code postgres} user.
 */
final class PostgresServer implements AutoCloseable {

	static final String NOT_INSTALLED = "PostgreSQL not found (initdb, postgres and pg_ctl on PATH, in "
			+ "`pg_config --bindir` or /usr/lib/postgresql/*/bin): install Debian's postgresql to run the "
			+ "PostgreSQL session tests";

	static final String USER = "postgres";

	private static final List<String> PROGRAMS = List.of("initdb", "postgres", "pg_ctl");

	private final Path programs;

	private final Path directory;

	private final Process process;

	private final int port;

	private final String database;

	private PostgresServer(Path programs, Path directory, Process process, int port, String database) {
		this.programs = programs;
		this.directory = directory;
		this.process = process;
		this.port = port;
		this.database = database;
	}

	/**
	 * Start a server with the given database; skip the tests where PostgreSQL is not
	 * installed.
	 */
	static PostgresServer start(String database) {
		Path programs = LocalServers.requireInstalled(findPrograms(), NOT_INSTALLED);
		Path directory = LocalServers.newDirectory("hitkey-postgres-");
		if (isRoot()) {
			giveToPostgresUser(directory);
		}
		Path log = directory.resolve("postgres.log");
		Path data = directory.resolve("data");
		LocalServers.run(command(programs, "initdb", "-D", data.toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
				"--locale=C", "--no-sync"), log);
		int port = LocalServers.freePort();
		Process process = LocalServers.start(command(programs, "postgres", "-D", data.toString(), "-p",
				String.valueOf(port), "-h", "127.0.0.1", "-k", directory.toString(), "-c", "fsync=off", "-c",
				"synchronous_commit=off", "-c", "full_page_writes=off"), log);
		PostgresServer server = new PostgresServer(programs, directory, process, port, database);
		try {
			LocalServers.awaitAnswer("postgres", process, log, server::acceptsConnections);
			server.execute("postgres", "CREATE DATABASE " + database);
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
		return server;
	}

	String jdbcUrl() {
		return jdbcUrl(this.database);
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), USER, "");
	}

	private String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	private boolean acceptsConnections() {
		try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "")) {
			return connection.isValid(1);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private void execute(String database, String sql) {
		try (Connection connection = DriverManager.getConnection(jdbcUrl(database), USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	@Override
	public void close() {
		try {
			LocalServers.run(command(this.programs, "pg_ctl", "stop", "-D", this.directory.resolve("data").toString(),
					"-m", "fast", "-w"), this.directory.resolve("postgres.log"));
		}
		catch (RuntimeException ex) {
			this.process.destroy();
		}
		LocalServers.awaitExit(this.process);
		LocalServers.delete(this.directory);
	}

	/**
	 * Return the directory with PostgreSQL's server programs: the one of {@code initdb}
	 * on the PATH, else {@code pg_config --bindir}, else Debian's newest
	 * {@code /usr/lib/postgresql/VERSION/bin}.
	 */
	private static Optional<Path> findPrograms() {
		List<Path> candidates = new ArrayList<>();
		// Where initdb on the PATH is a link, its real directory holds the other programs.
		LocalServers.onPath("initdb").map(PostgresServer::realDirectory).ifPresent(candidates::add);
		pgConfigBinDir().ifPresent(candidates::add);
		Path debian = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(debian)) {
			try (Stream<Path> versions = Files.list(debian)) {
				versions.map((version) -> version.resolve("bin"))
					.sorted(Comparator.comparing(PostgresServer::majorVersion).reversed())
					.forEach(candidates::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return candidates.stream()
			.filter((dir) -> PROGRAMS.stream().allMatch((program) -> Files.isExecutable(dir.resolve(program))))
			.findFirst();
	}

	private static Optional<Path> pgConfigBinDir() {
		Optional<Path> pgConfig = LocalServers.onPath("pg_config");
		if (pgConfig.isEmpty()) {
			return Optional.empty();
		}
		try {
			Process process = new ProcessBuilder(pgConfig.get().toString(), "--bindir").redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			return (process.waitFor() == 0 && !output.isEmpty()) ? Optional.of(Path.of(output)) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	private static Path realDirectory(Path program) {
		try {
			return program.toRealPath().getParent();
		}
		catch (IOException ex) {
			return program.getParent();
		}
	}

	private static int majorVersion(Path bin) {
		try {
			return Integer.parseInt(bin.getParent().getFileName().toString());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static List<String> command(Path programs, String program, String... arguments) {
		List<String> command = new ArrayList<>();
		if (isRoot()) {
			command.addAll(List.of("runuser", "-u", USER, "--"));
		}
		command.add(programs.resolve(program).toString());
		command.addAll(List.of(arguments));
		return command;
	}

	private static boolean isRoot() {
		return new UnixSystem().getUid() == 0;
	}

	private static void giveToPostgresUser(Path directory) {
		try {
			UserPrincipal postgres = directory.getFileSystem()
				.getUserPrincipalLookupService()
				.lookupPrincipalByName(USER);
			Files.setOwner(directory, postgres);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL refuses to run as root and there is no '" + USER
					+ "' user to run it as", ex);
		}
	}

}
