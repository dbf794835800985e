package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

/** Who signed in, as the login answer names them. */
public record StaffSummary(String id, String displayName, StaffRole role) {

    public StaffSummary {
        requiredText(id, "id");
        requiredText(displayName, "displayName");
        required(role, "role");
    }
}
