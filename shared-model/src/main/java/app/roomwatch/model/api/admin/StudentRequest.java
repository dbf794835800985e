package app.roomwatch.model.api.admin;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

import java.time.LocalDate;

/** Creating or changing a child ({@code POST /api/admin/students}, {@code PUT /api/admin/students/{id}}). */
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
        requiredText(rfidTag, "rfidTag");
    }

    @Override
    public String toString() {
        return "StudentRequest[rfidTag=" + rfidTag + "]";
    }
}
