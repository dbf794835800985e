package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

/**
 * A child as a supervisor finds them ({@code GET /api/students?query=}): display fields only, and where the child
 * is now.
 */
public record StudentSummary(String id, String firstName, String lastName, String schoolClass, ChildLocation location) {

    public StudentSummary {
        requiredText(id, "id");
        requiredText(firstName, "firstName");
        requiredText(lastName, "lastName");
        required(schoolClass, "schoolClass");
        required(location, "location");
    }
}
