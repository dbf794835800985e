package app.roomwatch.server.group;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of archiving a group. */
@Component
class GroupArchiveQueries {

    private final JdbcClient jdbc;

    GroupArchiveQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the group, unless archived, and answers its name. */
    Optional<String> lockLive(long tenant, long id) {
        return jdbc.sql("""
                        SELECT name FROM student_group
                        WHERE tenant_id = :tenant AND id = :id AND archived_at IS NULL FOR UPDATE
                        """)
                .param("tenant", tenant)
                .param("id", id)
                .query(String.class)
                .optional();
    }

    int removeLeads(long tenant, long id) {
        return jdbc.sql("DELETE FROM student_group_lead WHERE tenant_id = :tenant AND student_group_id = :id")
                .param("tenant", tenant)
                .param("id", id)
                .update();
    }

    void archive(long tenant, long id, Instant at) {
        jdbc.sql("UPDATE student_group SET archived_at = :at WHERE tenant_id = :tenant AND id = :id")
                .param("at", Timestamp.from(at))
                .param("tenant", tenant)
                .param("id", id)
                .update();
    }
}
