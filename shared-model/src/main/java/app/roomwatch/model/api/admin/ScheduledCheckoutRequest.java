package app.roomwatch.model.api.admin;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

import java.time.Instant;

/** Plans a child's checkout at {@code dueAt}; the server executes it then (visit source {@code scheduled}). */
public record ScheduledCheckoutRequest(String studentId, Instant dueAt) {
    public ScheduledCheckoutRequest {
        requiredText(studentId, "studentId");
        required(dueAt, "dueAt");
    }
}
