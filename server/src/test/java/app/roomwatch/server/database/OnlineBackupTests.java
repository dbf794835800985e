package app.roomwatch.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Online backup and restore of the embedded database, as {@code backup} and {@code restore} run them. */
class OnlineBackupTests {

    @TempDir
    Path dataDir;

    @TempDir
    Path backups;

    @Test
    void aBackupTakenWhileScansArriveRestoresEveryRowCommittedBeforeItAndNothingTorn() throws Exception {
        Path backup;
        long committedBefore;
        long committedAfter;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            JdbcClient jdbc = application(database);
            jdbc.sql("CREATE TABLE arrival (id bigint PRIMARY KEY, note text NOT NULL)")
                    .update();
            jdbc.sql("INSERT INTO arrival SELECT n, repeat('x', 200) FROM generate_series(1, 5000) n")
                    .update();
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    JdbcClient own = application(database);
                    for (long id = 5001; writing.get(); id++) {
                        own.sql("INSERT INTO arrival VALUES (:id, 'during')")
                                .param("id", id)
                                .update();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            committedBefore = max(jdbc);
            backup = OnlineBackup.take(database, backups, "backup", Clock.systemUTC());
            committedAfter = max(jdbc);
            writing.set(false);
            writer.join();
            jdbc.sql("INSERT INTO arrival VALUES (-1, 'after the backup')").update();
        }
        assertThat(backup.getFileName().toString()).matches("roomwatch-backup-\\d{8}-\\d{6}\\.tar\\.gz");

        List<Path> kept = OnlineBackup.restore(backup, dataDir, Clock.systemUTC());

        assertThat(kept).hasSize(2).allSatisfy(path -> assertThat(path).exists());
        try (EmbeddedDatabase restored = EmbeddedDatabase.start(dataDir)) {
            JdbcClient jdbc = application(restored);
            long restoredMax = max(jdbc);
            assertThat(restoredMax).isBetween(committedBefore, committedAfter);
            assertThat(jdbc.sql("SELECT count(*) FROM arrival")
                            .query(Long.class)
                            .single())
                    .as("every row up to the last one, none torn or missing")
                    .isEqualTo(restoredMax);
            assertThat(jdbc.sql("SELECT count(*) FROM arrival WHERE id = -1")
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    @Test
    void restoreRefusesWhileTheDatabaseRunsAndRefusesFilesThatAreNoBackup() throws Exception {
        Path notABackup = Files.writeString(backups.resolve("notes.tar.gz"), "not a backup");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            Path backup = OnlineBackup.take(database, backups, "backup", Clock.systemUTC());
            assertThatThrownBy(() -> OnlineBackup.restore(backup, dataDir, Clock.systemUTC()))
                    .hasMessageContaining("stop it first");
        }
        assertThatThrownBy(() -> OnlineBackup.restore(notABackup, dataDir, Clock.systemUTC()))
                .hasMessageContaining("not a Roomwatch backup");
        try (EmbeddedDatabase untouched = EmbeddedDatabase.start(dataDir)) {
            assertThat(application(untouched)
                            .sql("SELECT 1")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    private static long max(JdbcClient jdbc) {
        return jdbc.sql("SELECT max(id) FROM arrival").query(Long.class).single();
    }

    private static JdbcClient application(EmbeddedDatabase database) throws SQLException {
        Connection connection = DriverManager.getConnection(
                database.jdbcUrl(), database.applicationUser(), database.applicationPassword());
        return JdbcClient.create(new SingleConnectionDataSource(connection, true));
    }
}
