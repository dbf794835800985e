package app.roomwatch.server.automation;

import app.roomwatch.model.api.admin.ScheduledCheckoutRecord;
import app.roomwatch.model.api.admin.ScheduledCheckoutRequest;
import app.roomwatch.server.student.Students;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Checkouts admins plan (a child picked up at 15:30, say); {@link AutomaticWork} executes them when due. */
@Service
public class ScheduledCheckouts {

    private final ScheduledCheckoutQueries queries;
    private final Students students;

    ScheduledCheckouts(ScheduledCheckoutQueries queries, Students students) {
        this.queries = queries;
        this.students = students;
    }

    public List<ScheduledCheckoutRecord> list(long tenant) {
        return queries.list(tenant);
    }

    @Transactional
    public ScheduledCheckoutRecord plan(long tenant, ScheduledCheckoutRequest request) {
        long student = Ids.parseField(request.studentId(), "studentId");
        if (!students.exists(tenant, student)) {
            throw ApiException.notFound("There is no student " + request.studentId());
        }
        long id = queries.insert(tenant, student, request.dueAt());
        return new ScheduledCheckoutRecord(Ids.of(id), Ids.of(student), request.dueAt(), "pending");
    }

    @Transactional
    public void cancel(long tenant, String id) {
        long checkoutId = Ids.parse(id, "scheduled checkout");
        String status = queries.lockStatus(tenant, checkoutId)
                .orElseThrow(() -> ApiException.notFound("There is no scheduled checkout " + id));
        if (status.equals("executed")) {
            throw ApiException.conflict("This checkout was already executed");
        }
        queries.setStatus(checkoutId, "cancelled");
    }
}
