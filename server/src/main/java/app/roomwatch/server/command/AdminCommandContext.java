package app.roomwatch.server.command;

import app.roomwatch.server.RoomwatchProperties;
import app.roomwatch.server.audit.AuditLog;
import app.roomwatch.server.auth.SessionControl;
import app.roomwatch.server.database.EmbeddedDatabase;
import app.roomwatch.server.staff.StaffAccounts;
import app.roomwatch.server.tenant.Tenants;
import java.time.Clock;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The few parts of the server an admin command needs: its settings, its database (the embedded one, shared with a
 * running server, or the configured one, migrated as the server would), the features that own schools and staff, and
 * the audit log their changes are written to.
 * No web server, stream or automatic work starts. Not a {@code @Configuration}, so that the server's own component
 * scan leaves it out; the commands name it as their application's source.
 */
@EnableConfigurationProperties(RoomwatchProperties.class)
@ImportAutoConfiguration({
    JacksonAutoConfiguration.class,
    DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class,
    TransactionAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class,
    JdbcClientAutoConfiguration.class,
    FlywayAutoConfiguration.class
})
@ComponentScan(basePackageClasses = EmbeddedDatabase.class)
@Import({Tenants.class, StaffAccounts.class, SessionControl.class, AuditLog.class, SchoolSetup.class})
class AdminCommandContext {

    /** The same encoder as the server's sign-in uses. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
