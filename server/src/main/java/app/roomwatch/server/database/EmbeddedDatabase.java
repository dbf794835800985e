package app.roomwatch.server.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL, set up as an admin would set up their own: durable (fsync, synchronous commit and full
 * page writes on), reached only over loopback with a password (scram-sha-256) and no Unix socket, the application
 * connected as a role that owns its schema but is no superuser, and PostgreSQL's log kept and rotated in the data
 * folder.
 *
 * <p>One process runs the cluster at a time, the one holding the data folder's lock: a server, or an admin command
 * while no server runs. An admin command started while the server runs {@linkplain #startOrAttach attaches} to the
 * server's cluster instead. A PostgreSQL left running by a process that was killed is stopped before the next start,
 * so a crash never blocks the start after it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    static final String SUPERUSER = "postgres";
    static final String APPLICATION_ROLE = "roomwatch";
    static final String DATABASE = "postgres";
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(60);
    /** Crash recovery after a power cut can take a while; pg_ctl waits this long for it. */
    private static final int START_WAIT_SECONDS = 300;

    private final DataFolder folder;
    private final DatabaseCredentials credentials;
    private final int port;
    private final PostgresBinaries binaries;
    private final FileLock lock;

    private EmbeddedDatabase(
            DataFolder folder, DatabaseCredentials credentials, int port, PostgresBinaries binaries, FileLock lock) {
        this.folder = folder;
        this.credentials = credentials;
        this.port = port;
        this.binaries = binaries;
        this.lock = lock;
    }

    /** Starts the cluster in {@code dataDir}, creating or securing it first; fails if another process runs it. */
    public static EmbeddedDatabase start(Path dataDir) throws IOException {
        DataFolder folder = new DataFolder(dataDir);
        FileLock lock = folder.tryLock();
        if (lock == null) {
            throw new IllegalStateException("The data folder " + folder.root()
                    + " is in use by another Roomwatch server or admin command; stop it first,"
                    + " or give this server its own --roomwatch.data-dir");
        }
        return startLocked(folder, lock);
    }

    /**
     * For admin commands: the running server's cluster when a server holds the data folder, or a cluster started for
     * this process (and stopped by {@link #close()}) when none does.
     */
    public static EmbeddedDatabase startOrAttach(Path dataDir) throws IOException {
        DataFolder folder = new DataFolder(dataDir);
        FileLock lock = folder.tryLock();
        if (lock != null) {
            return startLocked(folder, lock);
        }
        int port = runningPort(folder)
                .orElseThrow(() -> new IllegalStateException(
                        "The server using " + folder.root() + " is starting or stopping; try again in a moment"));
        log.info("Using the running server's embedded PostgreSQL on port {}", port);
        return new EmbeddedDatabase(folder, DatabaseCredentials.readFrom(folder), port, null, null);
    }

    private static EmbeddedDatabase startLocked(DataFolder folder, FileLock lock) throws IOException {
        try {
            PostgresBinaries binaries = PostgresBinaries.unpackedIn(folder.binaries());
            ClusterSetup setup = new ClusterSetup(folder, binaries);
            setup.stopOrphan(ORPHAN_STOP_WAIT);
            DatabaseCredentials credentials = setup.prepare();
            int port = freePort();
            setup.configure(port);
            setup.startServer(START_WAIT_SECONDS);
            EmbeddedDatabase database = new EmbeddedDatabase(folder, credentials, port, binaries, lock);
            try {
                database.secureRoles();
            } catch (RuntimeException | SQLException e) {
                database.close();
                throw e instanceof SQLException sql ? new IllegalStateException(sql) : (RuntimeException) e;
            }
            log.info(
                    "Embedded PostgreSQL is up on 127.0.0.1:{} with its data in {} and its log in {}",
                    port,
                    folder.cluster(),
                    folder.postgresLog());
            return database;
        } catch (IOException | RuntimeException e) {
            lock.release();
            lock.channel().close();
            throw e;
        }
    }

    /** The JDBC URL of the application's database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String applicationUser() {
        return APPLICATION_ROLE;
    }

    public String applicationPassword() {
        return credentials.applicationPassword();
    }

    public Path dataDir() {
        return folder.root();
    }

    /** Whether this process runs the cluster (as opposed to using a running server's). */
    public boolean ownsCluster() {
        return lock != null;
    }

    /** A new connection as the superuser, for setting up roles and taking backups; the caller closes it. */
    Connection superuserConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), SUPERUSER, credentials.superuserPassword());
    }

    DataFolder folder() {
        return folder;
    }

    /**
     * The application's role exists, may log in with its password and owns the schema and everything in it, so that
     * migrations run as it; it is no superuser and cannot create roles or databases. Repeated at every start, which
     * also upgrades a cluster whose tables the superuser owned.
     */
    private void secureRoles() throws SQLException {
        try (Connection connection = superuserConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("SET client_min_messages = warning");
            sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APPLICATION_ROLE
                    + "') THEN CREATE ROLE " + APPLICATION_ROLE + "; END IF; END $$");
            sql.execute("ALTER ROLE " + APPLICATION_ROLE
                    + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '"
                    + credentials.applicationPassword() + "'");
            sql.execute("ALTER SCHEMA public OWNER TO " + APPLICATION_ROLE);
            // Tables first: their identity sequences follow them; then whatever else the superuser still owns.
            sql.execute("""
                    DO $$
                    DECLARE r record;
                    BEGIN
                      FOR r IN SELECT c.relname, c.relkind FROM pg_class c
                               WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                                 AND pg_get_userbyid(c.relowner) <> '%1$s' LOOP
                        EXECUTE format('ALTER %%s public.%%I OWNER TO %1$s',
                          CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                         WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.relname);
                      END LOOP;
                      FOR r IN SELECT c.relname FROM pg_class c
                               WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S'
                                 AND pg_get_userbyid(c.relowner) <> '%1$s' LOOP
                        EXECUTE format('ALTER SEQUENCE public.%%I OWNER TO %1$s', r.relname);
                      END LOOP;
                    END $$
                    """.formatted(APPLICATION_ROLE));
        }
    }

    /** Stops the cluster if this process started it, and gives the data folder back. */
    @Override
    public void close() {
        if (lock == null) {
            return;
        }
        try {
            binaries.run(
                    List.of("pg_ctl", "stop", "-D", folder.cluster().toString(), "-m", "fast", "-w", "-t", "60"),
                    null,
                    90);
            log.info("Embedded PostgreSQL stopped");
        } catch (RuntimeException e) {
            log.error("Could not stop the embedded PostgreSQL in {}", folder.cluster(), e);
        } finally {
            try {
                lock.release();
                lock.channel().close();
            } catch (IOException e) {
                log.warn("Could not release the lock on {}", folder.root(), e);
            }
        }
    }

    /** The port of a postmaster running on this folder's cluster, from its {@code postmaster.pid}. */
    private static Optional<Integer> runningPort(DataFolder folder) throws IOException {
        Path pidFile = folder.cluster().resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4
                || !ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                        .map(ProcessHandle::isAlive)
                        .orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(lines.get(3).strip()));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded PostgreSQL", e);
        }
    }
}
