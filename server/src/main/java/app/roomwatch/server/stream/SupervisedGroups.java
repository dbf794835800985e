package app.roomwatch.server.stream;

import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The running active groups a staff member supervises: the group part of their stream's scope.
 */
@Component
class SupervisedGroups {

    private final JdbcClient jdbc;

    SupervisedGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<String> of(long tenantId, long staffId) {
        return Set.copyOf(jdbc.sql("""
                        SELECT s.active_group_id::text
                        FROM active_group_supervisor s
                        JOIN active_group g ON g.tenant_id = s.tenant_id AND g.id = s.active_group_id
                        WHERE s.tenant_id = :tenant AND s.staff_id = :staff AND g.ended_at IS NULL
                        """)
                .param("tenant", tenantId)
                .param("staff", staffId)
                .query(String.class)
                .list());
    }
}
