package app.roomwatch.server.database;

import app.roomwatch.server.RoomwatchProperties;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: when no {@code spring.datasource.url} is set, a real PostgreSQL runs embedded in this
 * process with its data in {@code roomwatch.data-dir}, kept across restarts. With a URL set, Spring Boot's usual
 * DataSource takes over and this configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(RoomwatchProperties properties) throws IOException {
        Path dataDir = properties.dataDir().resolve("postgres").toAbsolutePath();
        Files.createDirectories(dataDir);
        log.info("Starting embedded PostgreSQL with its data in {}", dataDir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "100")
                .start();
    }

    /** Pool settings still come from {@code spring.datasource.hikari.*}, as with an external database. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("roomwatch");
        return dataSource;
    }
}
