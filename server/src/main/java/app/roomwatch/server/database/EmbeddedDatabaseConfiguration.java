package app.roomwatch.server.database;

import app.roomwatch.server.RoomwatchProperties;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: when no {@code spring.datasource.url} is set, a real PostgreSQL runs embedded with its data
 * in {@code roomwatch.data-dir}, kept across restarts and set up safely ({@link EmbeddedDatabase}). With a URL set,
 * Spring Boot's usual DataSource takes over and this configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /**
     * The server runs the cluster itself; an admin command ({@code roomwatch.embedded-database.attach=true}) uses
     * the running server's cluster when there is one.
     */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(
            RoomwatchProperties properties, @Value("${roomwatch.embedded-database.attach:false}") boolean attach)
            throws IOException {
        return attach
                ? EmbeddedDatabase.startOrAttach(properties.dataDir())
                : EmbeddedDatabase.start(properties.dataDir());
    }

    /**
     * Before a new version changes the schema, the database as it was is backed up into {@code backups/}, so that an
     * upgrade can be undone by restoring it and running the previous version; the last three are kept.
     */
    @Bean
    FlywayMigrationStrategy backUpBeforeMigrating(EmbeddedDatabase database) {
        return flyway -> {
            MigrationInfoService migrations = flyway.info();
            if (migrations.applied().length > 0 && migrations.pending().length > 0) {
                MigrationVersion target = migrations.pending()[migrations.pending().length - 1].getVersion();
                try {
                    Path backups = database.dataDir().resolve("backups");
                    Path backup = OnlineBackup.take(
                            database, backups, "before-upgrade-to-v" + target.getVersion(), Clock.systemUTC());
                    log.info("Backed up the database to {} before migrating it to version {}", backup, target);
                    OnlineBackup.prune(backups, "before-upgrade", 3);
                } catch (IOException | SQLException e) {
                    throw new IllegalStateException(
                            "Could not back up the database before upgrading it, so it was left as it was", e);
                }
            }
            flyway.migrate();
        };
    }

    /** Pool settings still come from {@code spring.datasource.hikari.*}, as with an external database. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(database.applicationUser());
        dataSource.setPassword(database.applicationPassword());
        dataSource.setPoolName("roomwatch");
        return dataSource;
    }
}
