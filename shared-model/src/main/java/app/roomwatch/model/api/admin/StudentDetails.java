package app.roomwatch.model.api.admin;

import static app.roomwatch.model.Fields.optionalText;
import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

import java.time.LocalDate;

/**
 * One child with the sensitive fields only admins see ({@code GET /api/admin/students/{id}}); they never appear
 * in events, feeds or supervisor views.
 *
 * @param rfidTag the child's tag, or {@code null} while the child has none
 * @param groupId the after-school group, or {@code null}
 */
public record StudentDetails(
        String id,
        String firstName,
        String lastName,
        String schoolClass,
        String rfidTag,
        String groupId,
        LocalDate birthday,
        String guardianContact) {
    public StudentDetails {
        requiredText(id, "id");
        requiredText(firstName, "firstName");
        requiredText(lastName, "lastName");
        required(schoolClass, "schoolClass");
        rfidTag = optionalText(rfidTag);
    }

    @Override
    public String toString() {
        return "StudentDetails[id=" + id + "]";
    }
}
