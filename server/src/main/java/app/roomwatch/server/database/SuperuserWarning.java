package app.roomwatch.server.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Warns at start when the server is connected as a PostgreSQL superuser: anyone who gets hold of its connection (a
 * bug, a leaked password) could then read every school's data and run programs on the database host.
 */
@Component
class SuperuserWarning {

    private static final Logger log = LoggerFactory.getLogger(SuperuserWarning.class);

    private final JdbcClient jdbc;

    SuperuserWarning(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfSuperuser() {
        String role = jdbc.sql("SELECT current_user").query(String.class).single();
        boolean superuser = jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                .query(Boolean.class)
                .single();
        if (superuser) {
            log.warn(
                    "Connected to PostgreSQL as '{}', a superuser. Give Roomwatch a role of its own that owns its"
                            + " schema and nothing more (docs/operations.md, \"External PostgreSQL\")",
                    role);
        }
    }
}
