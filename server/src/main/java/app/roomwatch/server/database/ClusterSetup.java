package app.roomwatch.server.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps that bring the embedded cluster up, in the order {@link EmbeddedDatabase} takes them: stop a PostgreSQL
 * that a killed process left running, create the cluster (or secure one made by an earlier version), write its
 * settings and access rules, and start it. Each step is safe to repeat after a crash at any point.
 */
final class ClusterSetup {

    private static final Logger log = LoggerFactory.getLogger(ClusterSetup.class);

    /** Written after the superuser has a password: from then on the cluster admits passwords only. */
    private static final String SETTINGS_FILE = "roomwatch.conf";

    private final DataFolder folder;
    private final PostgresBinaries binaries;

    ClusterSetup(DataFolder folder, PostgresBinaries binaries) {
        this.folder = folder;
        this.binaries = binaries;
    }

    /**
     * Stops the postmaster named in the cluster's {@code postmaster.pid} if it still runs. The caller holds the data
     * folder's lock, so such a postmaster belongs to a process that ended without stopping it (a {@code kill -9}).
     */
    void stopOrphan(Duration wait) throws IOException {
        Optional<ProcessHandle> orphan = postmaster();
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = orphan.get();
        log.warn(
                "A PostgreSQL (pid {}) left running by a server that did not stop cleanly still holds {}; stopping it",
                postmaster.pid(),
                folder.cluster());
        postmaster.destroy(); // SIGTERM: its clients died with their process, so it shuts down at once
        try {
            postmaster.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("PostgreSQL (pid {}) did not stop within {}; killing it", postmaster.pid(), wait);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping an orphaned PostgreSQL", e);
        }
    }

    /** A live process whose pid the cluster's lock file names and which is a PostgreSQL server. */
    private Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = folder.cluster().resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            return Optional.empty();
        }
        // After a reboot the pid may belong to something else entirely: only ever signal a postgres.
        return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info()
                        .command()
                        .map(command ->
                                Path.of(command).getFileName().toString().startsWith("postgres"))
                        .orElse(false));
    }

    /**
     * Creates the cluster with a superuser password, or gives an existing cluster of an earlier version (created with
     * password-less access) its superuser password; returns the credentials either way.
     */
    DatabaseCredentials prepare() throws IOException {
        Path cluster = folder.cluster();
        boolean created = Files.exists(cluster.resolve("PG_VERSION"));
        boolean secured = Files.exists(cluster.resolve(SETTINGS_FILE));
        DatabaseCredentials credentials = DatabaseCredentials.readOrCreate(folder);
        if (!created) {
            initdb(credentials);
        } else if (!secured) {
            log.info("Securing the embedded PostgreSQL in {}: passwords for every login from now on", cluster);
            // Single-user mode takes no connections at all, so the password is set before anyone could log in.
            binaries.run(
                    List.of("postgres", "--single", "-D", cluster.toString(), EmbeddedDatabase.DATABASE),
                    "ALTER ROLE " + EmbeddedDatabase.SUPERUSER + " PASSWORD '" + credentials.superuserPassword()
                            + "';\n",
                    START_TIMEOUT_SECONDS);
        }
        return credentials;
    }

    private static final int START_TIMEOUT_SECONDS = 300;

    private void initdb(DatabaseCredentials credentials) throws IOException {
        Path cluster = folder.cluster();
        DataFolder.deleteRecursively(cluster); // what a crashed initdb may have left
        Path passwordFile = folder.root().resolve("initdb-password.partial");
        DataFolder.writePrivateFile(passwordFile, credentials.superuserPassword() + "\n");
        try {
            log.info("Creating the embedded PostgreSQL cluster in {}", cluster);
            binaries.run(
                    List.of(
                            "initdb",
                            "-D",
                            cluster.toString(),
                            "-U",
                            EmbeddedDatabase.SUPERUSER,
                            "--auth=scram-sha-256",
                            "--pwfile=" + passwordFile,
                            "-E",
                            "UTF-8",
                            "--no-instructions"),
                    null,
                    START_TIMEOUT_SECONDS);
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    /**
     * Writes the settings Roomwatch relies on into {@code roomwatch.conf} (included last by
     * {@code postgresql.conf}, so it wins over the defaults) and the access rules into {@code pg_hba.conf}; both are
     * rewritten at every start.
     */
    void configure(int port) throws IOException {
        Path cluster = folder.cluster();
        DataFolder.writePrivateFile(cluster.resolve(SETTINGS_FILE), """
                # Written by Roomwatch at every start; change settings in postgresql.auto.conf (ALTER SYSTEM) instead.
                port = %d
                listen_addresses = '127.0.0.1'
                unix_socket_directories = ''
                password_encryption = 'scram-sha-256'
                max_connections = 100
                timezone = 'UTC'

                # A scanner's 2xx means its scan is on disk.
                fsync = on
                synchronous_commit = on
                full_page_writes = on
                # Online backups copy the WAL written while they run; keep enough of it.
                wal_keep_size = '512MB'

                logging_collector = on
                log_directory = 'log'
                log_filename = 'postgresql-%%a.log'
                log_truncate_on_rotation = on
                log_rotation_age = '1d'
                log_rotation_size = '50MB'
                log_file_mode = 0600
                log_line_prefix = '%%m [%%p] %%q%%u@%%d '
                log_checkpoints = on
                log_lock_waits = on
                """.formatted(port));
        Path settings = cluster.resolve("postgresql.conf");
        String include = "include '" + SETTINGS_FILE + "'";
        if (!Files.readString(settings).contains(include)) {
            Files.writeString(
                    settings,
                    "\n# Roomwatch's settings, last so that they win\n" + include + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
        }
        DataFolder.writePrivateFile(cluster.resolve("pg_hba.conf"), """
                # Written by Roomwatch at every start: loopback only, and always a password (scram-sha-256).
                # TYPE  DATABASE     USER  ADDRESS        METHOD
                host    all          all   127.0.0.1/32   scram-sha-256
                host    replication  all   127.0.0.1/32   scram-sha-256
                """);
        DataFolder.makePrivate(cluster);
    }

    /**
     * Starts the cluster and waits until it accepts connections (crash recovery included). Retries a few times when
     * processes of a killed PostgreSQL are still on their way out.
     */
    void startServer(int waitSeconds) throws IOException {
        Path cluster = folder.cluster();
        Files.createDirectories(folder.postgresLog());
        Path startupLog = folder.postgresLog().resolve("startup.log");
        List<String> start = List.of(
                "pg_ctl",
                "start",
                "-D",
                cluster.toString(),
                "-w",
                "-t",
                Integer.toString(waitSeconds),
                "-s",
                "-l",
                startupLog.toString());
        for (int attempt = 1; ; attempt++) {
            try {
                binaries.run(start, null, waitSeconds + 30L);
                return;
            } catch (PostgresBinaries.ProgramFailed e) {
                String why = tail(startupLog);
                boolean leftovers = why.contains("pre-existing shared memory block") || why.contains("lock file");
                if (!leftovers || attempt == 5) {
                    throw new IllegalStateException(
                            "The embedded PostgreSQL did not start; its log " + startupLog + " ends with:\n" + why, e);
                }
                log.warn("PostgreSQL's processes from before are still stopping; trying again in 2 s");
                sleep(Duration.ofSeconds(2));
            }
        }
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
