package app.roomwatch.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.server.RoomwatchProperties;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

class EmbeddedDatabaseTests {

    @TempDir
    Path dataDir;

    @Test
    void keepsItsDataInTheDataFolderAcrossRestarts() throws Exception {
        RoomwatchProperties properties = new Binder(
                        new MapConfigurationPropertySource(java.util.Map.of("roomwatch.data-dir", dataDir.toString())))
                .bindOrCreate("roomwatch", RoomwatchProperties.class);
        EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(properties);
                HikariDataSource dataSource = configuration.dataSource(postgres)) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("CREATE TABLE kept (value text)").update();
            jdbc.sql("INSERT INTO kept VALUES ('still here')").update();
        }
        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(properties);
                HikariDataSource dataSource = configuration.dataSource(postgres)) {
            assertThat(JdbcClient.create(dataSource)
                            .sql("SELECT value FROM kept")
                            .query(String.class)
                            .single())
                    .isEqualTo("still here");
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
    }
}
