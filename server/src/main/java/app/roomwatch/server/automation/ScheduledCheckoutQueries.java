package app.roomwatch.server.automation;

import app.roomwatch.model.api.admin.ScheduledCheckoutRecord;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the {@code scheduled_checkout} table. */
@Component
class ScheduledCheckoutQueries {

    /** A pending checkout that is due. */
    record Due(long id, long tenant, long student) {}

    private final JdbcClient jdbc;

    ScheduledCheckoutQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ScheduledCheckoutRecord> list(long tenant) {
        return jdbc.sql("""
                        SELECT id, student_id, due_at, status FROM scheduled_checkout
                        WHERE tenant_id = :tenant ORDER BY due_at DESC, id DESC LIMIT 500
                        """)
                .param("tenant", tenant)
                .query((rs, n) -> new ScheduledCheckoutRecord(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .list();
    }

    long insert(long tenant, long student, Instant due) {
        return jdbc.sql("""
                        INSERT INTO scheduled_checkout (tenant_id, student_id, due_at, status)
                        VALUES (:tenant, :student, :due, 'pending') RETURNING id
                        """)
                .param("tenant", tenant)
                .param("student", student)
                .param("due", Timestamp.from(due))
                .query(Long.class)
                .single();
    }

    /** A planned check-out's status and child. */
    record Planned(String status, long studentId) {}

    Optional<Planned> lockStatus(long tenant, long id) {
        return jdbc.sql("""
                        SELECT status, student_id FROM scheduled_checkout
                        WHERE tenant_id = :tenant AND id = :id FOR UPDATE
                        """)
                .param("tenant", tenant)
                .param("id", id)
                .query((rs, n) -> new Planned(rs.getString(1), rs.getLong(2)))
                .optional();
    }

    /** Cancels every pending check-out of the child; answers how many. */
    int cancelAllOf(long tenant, long studentId) {
        return jdbc.sql("""
                        UPDATE scheduled_checkout SET status = 'cancelled'
                        WHERE tenant_id = :tenant AND student_id = :student AND status = 'pending'
                        """).param("tenant", tenant).param("student", studentId).update();
    }

    void setStatus(long id, String status) {
        jdbc.sql("UPDATE scheduled_checkout SET status = :status WHERE id = :id")
                .param("status", status)
                .param("id", id)
                .update();
    }

    /** Claims the next due checkout of any tenant; others running this at once skip it. */
    Optional<Due> claimDue(Instant now) {
        return jdbc.sql("""
                        SELECT id, tenant_id, student_id FROM scheduled_checkout
                        WHERE status = 'pending' AND due_at <= :now
                        ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
                        """)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .optional();
    }
}
