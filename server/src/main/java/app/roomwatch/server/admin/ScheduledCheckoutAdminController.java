package app.roomwatch.server.admin;

import app.roomwatch.model.api.admin.ScheduledCheckoutRecord;
import app.roomwatch.model.api.admin.ScheduledCheckoutRequest;
import app.roomwatch.server.audit.AuditAction;
import app.roomwatch.server.audit.AuditLog;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins plan checkouts (a child picked up at 15:30, say); the automatic work executes them when due. */
@RestController
@RequestMapping("/api/admin/scheduled-checkouts")
class ScheduledCheckoutAdminController {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ScheduledCheckoutAdminController(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @GetMapping
    List<ScheduledCheckoutRecord> list(Authentication authentication) {
        return jdbc.sql("""
                        SELECT id, student_id, due_at, status FROM scheduled_checkout
                        WHERE tenant_id = :tenant ORDER BY due_at DESC, id DESC LIMIT 500
                        """)
                .param("tenant", StaffPrincipal.of(authentication).tenantId())
                .query((rs, n) -> new ScheduledCheckoutRecord(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public ScheduledCheckoutRecord plan(Authentication authentication, @RequestBody ScheduledCheckoutRequest request) {
        StaffPrincipal me = StaffPrincipal.of(authentication);
        long tenant = me.tenantId();
        long student = Ids.parseField(request.studentId(), "studentId");
        String name = childName(tenant, student, true)
                .orElseThrow(() -> ApiException.notFound("There is no student " + request.studentId()));
        long id = jdbc.sql("""
                        INSERT INTO scheduled_checkout (tenant_id, student_id, due_at, status)
                        VALUES (:tenant, :student, :due, 'pending') RETURNING id
                        """)
                .param("tenant", tenant)
                .param("student", student)
                .param("due", Timestamp.from(request.dueAt()))
                .query(Long.class)
                .single();
        audit.record(me, AuditAction.SCHEDULED_CHECKOUT_PLANNED, Ids.of(id), name, Map.of());
        return new ScheduledCheckoutRecord(Ids.of(id), Ids.of(student), request.dueAt(), "pending");
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    public void cancel(Authentication authentication, @PathVariable String id) {
        StaffPrincipal me = StaffPrincipal.of(authentication);
        long tenant = me.tenantId();
        long checkoutId = Ids.parse(id, "scheduled checkout");
        record Planned(String status, long studentId) {}
        Planned planned = jdbc.sql("""
                        SELECT status, student_id FROM scheduled_checkout
                        WHERE tenant_id = :tenant AND id = :id FOR UPDATE
                        """)
                .param("tenant", tenant)
                .param("id", checkoutId)
                .query((rs, n) -> new Planned(rs.getString(1), rs.getLong(2)))
                .optional()
                .orElseThrow(() -> ApiException.notFound("There is no scheduled checkout " + id));
        String status = planned.status();
        if (status.equals("executed")) {
            throw ApiException.conflict("This checkout was already executed");
        }
        jdbc.sql("UPDATE scheduled_checkout SET status = 'cancelled' WHERE id = :id")
                .param("id", checkoutId)
                .update();
        audit.record(
                me,
                AuditAction.SCHEDULED_CHECKOUT_CANCELLED,
                Ids.of(checkoutId),
                childName(tenant, planned.studentId(), false).orElse(null),
                Map.of());
    }

    /** The child's short name ("Mia K."); only a child not archived when {@code liveOnly}. */
    private java.util.Optional<String> childName(long tenant, long studentId, boolean liveOnly) {
        return jdbc.sql("SELECT first_name, last_name FROM student WHERE tenant_id = :tenant AND id = :id"
                        + (liveOnly ? " AND archived_at IS NULL" : ""))
                .param("tenant", tenant)
                .param("id", studentId)
                .query((rs, n) -> rs.getString(2).isEmpty()
                        ? rs.getString(1)
                        : rs.getString(1) + " " + rs.getString(2).charAt(0) + ".")
                .optional();
    }
}
