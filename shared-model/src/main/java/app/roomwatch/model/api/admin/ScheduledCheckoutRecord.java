package app.roomwatch.model.api.admin;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

import java.time.Instant;

/**
 * A planned checkout ({@code /api/admin/scheduled-checkouts}).
 *
 * @param status {@code pending}, {@code executed} or {@code cancelled}
 */
public record ScheduledCheckoutRecord(String id, String studentId, Instant dueAt, String status) {
    public ScheduledCheckoutRecord {
        requiredText(id, "id");
        requiredText(studentId, "studentId");
        required(dueAt, "dueAt");
        requiredText(status, "status");
    }
}
