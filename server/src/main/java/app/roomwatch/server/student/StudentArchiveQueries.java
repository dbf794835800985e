package app.roomwatch.server.student;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of archiving a child. {@link #roomCheckedInto} reads {@code visit}, {@code active_group} and {@code room}
 * to name the room in the refusal.
 */
@Component
class StudentArchiveQueries {

    private final JdbcClient jdbc;

    StudentArchiveQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the child, unless archived, and answers its short name ("Mia K."). */
    Optional<String> lockLive(long tenant, long id) {
        return jdbc.sql("""
                        SELECT first_name, last_name FROM student
                        WHERE tenant_id = :tenant AND id = :id AND archived_at IS NULL FOR UPDATE
                        """)
                .param("tenant", tenant)
                .param("id", id)
                .query((rs, n) -> shortName(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** The room of the child's open visit, if it is checked in. */
    Optional<String> roomCheckedInto(long tenant, long id) {
        return jdbc.sql("""
                        SELECT r.name FROM visit v
                        JOIN active_group g ON g.tenant_id = v.tenant_id AND g.id = v.active_group_id
                        JOIN room r ON r.tenant_id = g.tenant_id AND r.id = g.room_id
                        WHERE v.tenant_id = :tenant AND v.student_id = :id AND v.exited_at IS NULL
                        """)
                .param("tenant", tenant)
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /** Marks the child archived and frees its tag. */
    void archive(long tenant, long id, Instant at) {
        jdbc.sql("UPDATE student SET archived_at = :at, rfid_tag = NULL WHERE tenant_id = :tenant AND id = :id")
                .param("at", Timestamp.from(at))
                .param("tenant", tenant)
                .param("id", id)
                .update();
    }

    /** Takes every child out of a group that is being archived. */
    int leaveGroup(long tenant, long groupId) {
        return jdbc.sql("UPDATE student SET group_id = NULL WHERE tenant_id = :tenant AND group_id = :group")
                .param("tenant", tenant)
                .param("group", groupId)
                .update();
    }

    static String shortName(String firstName, String lastName) {
        return lastName.isEmpty() ? firstName : firstName + " " + lastName.charAt(0) + ".";
    }
}
