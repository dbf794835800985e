package app.roomwatch.server.database;

import app.roomwatch.server.RoomwatchProperties;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
