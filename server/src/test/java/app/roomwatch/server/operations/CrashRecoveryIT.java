package app.roomwatch.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash never blocks the next start, and a scan answered 2xx survives it: {@code kill -9} of the server's JVM
 * while a scanner is sending (its PostgreSQL keeps running, orphaned), then of the JVM and its PostgreSQL together.
 */
class CrashRecoveryIT {

    @TempDir
    Path dataDir;

    @TempDir
    Path logs;

    private final School school = new School("oak", "office", "office-password");

    /** The scanner's key: the school is furnished on the first start and keeps its scanner across restarts. */
    private String scannerKey;

    @Test
    void theNextStartComesUpFirstTimeWithEveryAcknowledgedScan() throws Exception {
        ServerJar jar = new ServerJar(dataDir, logs);
        assertThat(school.create(jar).exitCode()).isZero();

        ServerJar.Running server = jar.start();
        List<String> acknowledged = scanUntilKilled(server, ServerJar.Running::kill);
        assertThat(ProcessHandle.of(postmasterPid()).map(ProcessHandle::isAlive))
                .as("the killed server's PostgreSQL is still running")
                .contains(true);

        server = jar.start(); // must come up the first time
        assertThat(server.log()).contains("left running by a server that did not stop cleanly");
        assertRecorded(jar, acknowledged);

        ServerJar.Running doomed = server;
        acknowledged = scanUntilKilled(server, running -> {
            ProcessHandle postmaster = ProcessHandle.of(postmasterPid()).orElseThrow();
            List<ProcessHandle> backends = postmaster.descendants().toList();
            postmaster.destroyForcibly(); // SIGKILL: no shutdown, no checkpoint
            backends.forEach(ProcessHandle::destroyForcibly);
            doomed.kill();
        });

        server = jar.start();
        try {
            assertRecorded(jar, acknowledged);
        } finally {
            server.stop();
        }
    }

    /**
     * Scans from another thread until {@code kill} ends the server mid-stream; returns the idempotency keys of the
     * scans it answered 2xx.
     */
    private List<String> scanUntilKilled(ServerJar.Running server, Killer kill) throws Exception {
        if (scannerKey == null) {
            scannerKey = school.furnish(server);
        }
        Api scanner = server.api().bearer(scannerKey);
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean serverUp = new AtomicBoolean(true);
        Thread door = Thread.ofPlatform().start(() -> {
            for (int i = 0; serverUp.get(); i++) {
                String key = UUID.randomUUID().toString();
                try {
                    if (School.scan(scanner, 1 + i % School.CHILDREN, key).status() == 200) {
                        acknowledged.add(key);
                    }
                } catch (RuntimeException connectionLost) {
                    return;
                }
            }
        });
        while (acknowledged.size() < 30) {
            Thread.onSpinWait();
        }
        kill.kill(server);
        serverUp.set(false);
        door.join();
        return List.copyOf(acknowledged);
    }

    /** Each acknowledged scan is in the database with its answer, and so is the check-in or check-out it made. */
    private void assertRecorded(ServerJar jar, List<String> keys) throws Exception {
        try (Connection database = jar.database();
                PreparedStatement query = database.prepareStatement("""
                        SELECT count(*), count(*) FILTER (WHERE response::jsonb->>'result' IN ('checked_in', 'checked_out'))
                        FROM scan_request WHERE idempotency_key = ANY (?) AND status = 200
                        """)) {
            Array array = database.createArrayOf("text", keys.toArray());
            query.setArray(1, array);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertThat(row.getInt(1)).as("acknowledged scans recorded").isEqualTo(keys.size());
                assertThat(row.getInt(2)).isEqualTo(keys.size());
            }
        }
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                .getFirst()
                .strip());
    }

    @FunctionalInterface
    private interface Killer {
        void kill(ServerJar.Running server) throws Exception;
    }
}
