package app.roomwatch.server.automation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of cancelling a child's pending scheduled check-outs. */
@Component
class PendingCheckoutQueries {

    private final JdbcClient jdbc;

    PendingCheckoutQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int cancelAllOf(long tenant, long studentId) {
        return jdbc.sql("""
                        UPDATE scheduled_checkout SET status = 'cancelled'
                        WHERE tenant_id = :tenant AND student_id = :student AND status = 'pending'
                        """).param("tenant", tenant).param("student", studentId).update();
    }
}
