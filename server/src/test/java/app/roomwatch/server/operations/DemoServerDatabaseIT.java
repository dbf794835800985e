package app.roomwatch.server.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.roomwatch.server.testing.ServerJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database of a fresh {@code --demo} server, as any other account on the machine would meet it. */
class DemoServerDatabaseIT {

    @TempDir
    Path dataDir;

    @TempDir
    Path logs;

    @Test
    void isDurableAndAdmitsNoOneWithoutAPassword() throws Exception {
        ServerJar jar = new ServerJar(dataDir, logs);
        ServerJar.Running server = jar.start("--demo");
        try (Connection database = jar.database();
                Statement sql = database.createStatement()) {
            assertThat(setting(sql, "SHOW fsync")).isEqualTo("on");
            assertThat(setting(sql, "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(setting(sql, "SHOW full_page_writes")).isEqualTo("on");
            assertThat(setting(sql, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("false");
            // The demo is seeded right after the server starts answering.
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> setting(sql, "SELECT count(*)::text FROM tenant WHERE slug IN ('demo', 'demo2')")
                            .equals("2"));

            String port = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                    .get(3)
                    .strip();
            for (String user : List.of("postgres", "roomwatch")) {
                assertThatThrownBy(() -> DriverManager.getConnection(
                                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", user, ""))
                        .as("password-less login as " + user)
                        .isInstanceOf(SQLException.class);
            }
        } finally {
            server.stop();
        }
        assertThat(server.log()).doesNotContain("superuser");
    }

    private static String setting(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}
