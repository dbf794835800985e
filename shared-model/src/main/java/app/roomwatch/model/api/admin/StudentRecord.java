package app.roomwatch.model.api.admin;

import static app.roomwatch.model.Fields.optionalText;
import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

/**
 * A child as the admin list shows it ({@code GET /api/admin/students}).
 *
 * @param rfidTag the child's tag, or {@code null} while the child has none
 */
public record StudentRecord(String id, String firstName, String lastName, String schoolClass, String rfidTag) {
    public StudentRecord {
        requiredText(id, "id");
        requiredText(firstName, "firstName");
        requiredText(lastName, "lastName");
        required(schoolClass, "schoolClass");
        rfidTag = optionalText(rfidTag);
    }
}
