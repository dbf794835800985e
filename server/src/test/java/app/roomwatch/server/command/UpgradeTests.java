package app.roomwatch.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.server.database.EmbeddedDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * docs/operations.md's upgrade and rollback, from the schema of the previous version: the new version backs the
 * database up before it migrates it, and restoring that backup gives the previous version its database back.
 */
class UpgradeTests {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void anUpgradeBacksUpFirstAndRestoringThatBackupRollsItBack() throws Exception {
        String previous;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            MigrationInfo[] all = flyway(database, null).info().all();
            previous = all[all.length - 2].getVersion().getVersion();
            flyway(database, previous).migrate();
            jdbc(database)
                    .sql("INSERT INTO tenant (slug, name) VALUES ('oak', 'Oak')")
                    .update();
        }

        assertThat(command("new-admin-pw\n", "admin", "create-tenant", "--tenant=elm", "--name=Elm", "--admin=office"))
                .as(err::toString)
                .isZero();

        List<Path> upgradeBackups;
        try (Stream<Path> files = Files.list(dataDir.resolve("backups"))) {
            upgradeBackups = files.filter(
                            file -> file.getFileName().toString().startsWith("roomwatch-before-upgrade-to-v"))
                    .toList();
        }
        assertThat(upgradeBackups).hasSize(1);
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertThat(schemaVersion(database)).isNotEqualTo(previous);
            assertThat(jdbc(database)
                            .sql("SELECT slug FROM tenant ORDER BY slug")
                            .query(String.class)
                            .list())
                    .containsExactly("elm", "oak");
        }

        assertThat(command("", "restore", "--from=" + upgradeBackups.getFirst()))
                .as(err::toString)
                .isZero();

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertThat(schemaVersion(database)).isEqualTo(previous);
            assertThat(jdbc(database)
                            .sql("SELECT slug FROM tenant")
                            .query(String.class)
                            .list())
                    .containsExactly("oak");
        }
    }

    private int command(String stdin, String... args) {
        String[] withDataDir = Arrays.copyOf(args, args.length + 1);
        withDataDir[args.length] = "--roomwatch.data-dir=" + dataDir;
        return new ServerCommands(
                        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(withDataDir);
    }

    private static String schemaVersion(EmbeddedDatabase database) {
        return flyway(database, null).info().current().getVersion().getVersion();
    }

    private static Flyway flyway(EmbeddedDatabase database, String target) {
        var configuration = Flyway.configure()
                .dataSource(database.jdbcUrl(), database.applicationUser(), database.applicationPassword())
                .locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private static JdbcClient jdbc(EmbeddedDatabase database) {
        return JdbcClient.create(new DriverManagerDataSource(
                database.jdbcUrl(), database.applicationUser(), database.applicationPassword()));
    }
}
