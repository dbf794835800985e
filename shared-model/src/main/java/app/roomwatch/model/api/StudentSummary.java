package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

/** A child as a supervisor finds them for manual check-in: display fields only. */
public record StudentSummary(String id, String firstName, String lastName, String schoolClass) {

    public StudentSummary {
        requiredText(id, "id");
        requiredText(firstName, "firstName");
        requiredText(lastName, "lastName");
        required(schoolClass, "schoolClass");
    }
}
