package app.roomwatch.server.staff;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Staff members' display names, for the features that name who did something (the audit log). */
@Component
public class StaffNames {

    private final JdbcClient jdbc;

    StaffNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> displayName(long tenant, long staffId) {
        return jdbc.sql("SELECT display_name FROM staff WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant)
                .param("id", staffId)
                .query(String.class)
                .optional();
    }
}
