package app.roomwatch.model.api.admin;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

import java.time.Instant;
import java.util.Map;

/**
 * One admin change as the audit log keeps it ({@code GET /api/admin/audit}): who, what, when, never a sensitive value.
 *
 * @param actorId the staff member who made the change, or {@code null} when it came from the server's command line
 * @param actorName that staff member's display name, or {@code null} with {@code actorId}
 * @param action a fixed name such as {@code student.archived} (docs/api.md lists them)
 * @param targetType {@code staff}, {@code student}, {@code room}, {@code group}, {@code device},
 *     {@code scheduled_checkout} or {@code tenant}
 * @param targetId the changed thing's id, or {@code null} when the change has no single target (an import)
 * @param targetName its display name at the time of the change, or {@code null}
 * @param details the changed non-sensitive fields; empty when there are none
 */
public record AuditEntry(
        String id,
        Instant at,
        String actorId,
        String actorName,
        String action,
        String targetType,
        String targetId,
        String targetName,
        Map<String, String> details) {
    public AuditEntry {
        requiredText(id, "id");
        required(at, "at");
        requiredText(action, "action");
        requiredText(targetType, "targetType");
        if (actorId == null && actorName != null) {
            throw new IllegalArgumentException("'actorName' needs 'actorId'");
        }
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
