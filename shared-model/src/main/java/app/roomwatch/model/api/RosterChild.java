package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

/** A child of an after-school group and where it is now ({@code GET /api/groups/{id}/roster}). */
public record RosterChild(String studentId, String studentName, String schoolClass, ChildLocation location) {

    public RosterChild {
        requiredText(studentId, "studentId");
        requiredText(studentName, "studentName");
        required(schoolClass, "schoolClass");
        required(location, "location");
    }
}
