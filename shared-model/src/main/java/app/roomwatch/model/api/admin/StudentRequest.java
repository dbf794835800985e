package app.roomwatch.model.api.admin;

import static app.roomwatch.model.Fields.optionalText;
import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

import java.time.LocalDate;

/**
 * Creating or changing a child ({@code POST /api/admin/students}, {@code PUT /api/admin/students/{id}}).
 *
 * @param rfidTag the child's tag; {@code null} or blank gives the child no tag (a {@code PUT} takes it away)
 */
public record StudentRequest(
        String firstName,
        String lastName,
        String schoolClass,
        String rfidTag,
        String groupId,
        LocalDate birthday,
        String guardianContact) {
    public StudentRequest {
        requiredText(firstName, "firstName");
        requiredText(lastName, "lastName");
        required(schoolClass, "schoolClass");
        rfidTag = optionalText(rfidTag);
    }

    @Override
    public String toString() {
        return "StudentRequest[rfidTag=" + rfidTag + "]";
    }
}
