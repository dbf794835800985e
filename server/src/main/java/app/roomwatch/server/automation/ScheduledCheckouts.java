package app.roomwatch.server.automation;

import app.roomwatch.model.api.admin.ScheduledCheckoutRecord;
import app.roomwatch.model.api.admin.ScheduledCheckoutRequest;
import app.roomwatch.server.audit.AuditAction;
import app.roomwatch.server.audit.AuditLog;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.student.StudentArchive;
import app.roomwatch.server.student.Students;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Checkouts admins plan (a child picked up at 15:30, say); {@link AutomaticWork} executes them when due. */
@Service
public class ScheduledCheckouts implements StudentArchive.PendingCheckouts {

    private final ScheduledCheckoutQueries queries;
    private final Students students;
    private final AuditLog audit;

    ScheduledCheckouts(ScheduledCheckoutQueries queries, Students students, AuditLog audit) {
        this.queries = queries;
        this.students = students;
        this.audit = audit;
    }

    public List<ScheduledCheckoutRecord> list(long tenant) {
        return queries.list(tenant);
    }

    @Transactional
    public ScheduledCheckoutRecord plan(StaffPrincipal me, ScheduledCheckoutRequest request) {
        long tenant = me.tenantId();
        long student = Ids.parseField(request.studentId(), "studentId");
        if (!students.exists(tenant, student)) {
            throw ApiException.notFound("There is no student " + request.studentId());
        }
        long id = queries.insert(tenant, student, request.dueAt());
        audit.record(
                me,
                AuditAction.SCHEDULED_CHECKOUT_PLANNED,
                Ids.of(id),
                students.shortName(tenant, student).orElse(null),
                Map.of());
        return new ScheduledCheckoutRecord(Ids.of(id), Ids.of(student), request.dueAt(), "pending");
    }

    @Transactional
    public void cancel(StaffPrincipal me, String id) {
        long tenant = me.tenantId();
        long checkoutId = Ids.parse(id, "scheduled checkout");
        ScheduledCheckoutQueries.Planned planned = queries.lockStatus(tenant, checkoutId)
                .orElseThrow(() -> ApiException.notFound("There is no scheduled checkout " + id));
        if (planned.status().equals("executed")) {
            throw ApiException.conflict("This checkout was already executed");
        }
        queries.setStatus(checkoutId, "cancelled");
        audit.record(
                me,
                AuditAction.SCHEDULED_CHECKOUT_CANCELLED,
                Ids.of(checkoutId),
                students.shortName(tenant, planned.studentId()).orElse(null),
                Map.of());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelAllOf(long tenant, long studentId) {
        return queries.cancelAllOf(tenant, studentId);
    }
}
