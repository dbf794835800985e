package app.roomwatch.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The embedded database exactly as the server runs it in production, not the tests' fast shared one. */
class EmbeddedDatabaseTests {

    @TempDir
    Path dataDir;

    @Test
    void isDurableClosedAndKeepsItsDataAcrossRestarts() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            JdbcClient jdbc = application(database);
            assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single())
                    .isEqualTo("on");
            assertThat(jdbc.sql("SHOW full_page_writes").query(String.class).single())
                    .isEqualTo("on");
            try (Connection superuser = database.superuserConnection();
                    Statement sql = superuser.createStatement();
                    var socket = sql.executeQuery("SHOW unix_socket_directories")) {
                socket.next();
                assertThat(socket.getString(1)).as("no Unix socket").isEmpty();
            }
            assertThat(jdbc.sql(
                                    "SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = current_user")
                            .query(Boolean.class)
                            .single())
                    .isFalse();
            jdbc.sql("CREATE TABLE kept (value text)").update();
            jdbc.sql("INSERT INTO kept VALUES ('still here')").update();
            assertThatThrownBy(() -> jdbc.sql("COPY kept TO PROGRAM 'id'").update())
                    .hasStackTraceContaining("permission denied to COPY to or from an external program");

            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", ""))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "guess"))
                    .hasMessageContaining("password authentication failed");
            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "roomwatch", ""))
                    .isInstanceOf(SQLException.class);
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertThat(application(database)
                            .sql("SELECT value FROM kept")
                            .query(String.class)
                            .single())
                    .isEqualTo("still here");
        }

        assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf")))
                .doesNotContainPattern("(?m)^[^#].*\\btrust\\b")
                .contains("scram-sha-256");
        for (Path privatePath :
                new Path[] {dataDir, dataDir.resolve("postgres"), dataDir.resolve("postgres-credentials.properties")}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privatePath)))
                    .as(privatePath.toString())
                    .endsWith("------");
        }
        try (Stream<Path> logs = Files.list(dataDir.resolve("postgres/log"))) {
            assertThat(logs.map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.matches("postgresql-\\w{3}\\.log"));
        }
    }

    @Test
    void aSecondProcessCannotRunTheSameCluster() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir))
                    .hasMessageContaining("in use by another Roomwatch server");
        }
    }

    @Test
    void securesAClusterOfTheEarlierVersionInPlaceWithNothingLost() throws Exception {
        // What earlier versions made: a password-less cluster whose tables the superuser owns.
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir.resolve("postgres"))
                        .setCleanDataDirectory(false)
                        .start();
                Connection connection = earlier.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE tenant (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, slug text)");
            sql.execute("INSERT INTO tenant (slug) VALUES ('school')");
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            JdbcClient jdbc = application(database);
            assertThat(jdbc.sql("SELECT slug FROM tenant").query(String.class).single())
                    .isEqualTo("school");
            jdbc.sql("INSERT INTO tenant (slug) VALUES ('second')").update();
            jdbc.sql("ALTER TABLE tenant ADD COLUMN name text").update();
            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", ""))
                    .isInstanceOf(SQLException.class);
        }
    }

    private static JdbcClient application(EmbeddedDatabase database) throws SQLException {
        Connection connection = DriverManager.getConnection(
                database.jdbcUrl(), database.applicationUser(), database.applicationPassword());
        return JdbcClient.create(new SingleConnectionDataSource(connection, true));
    }
}
