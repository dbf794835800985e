package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

import app.roomwatch.model.event.VisitSource;
import java.time.Instant;

/** One child inside an active group, for My groups ({@code GET /api/active/groups/{id}/visits/display}). */
public record VisitDisplay(
        String visitId,
        String studentId,
        String studentName,
        String schoolClass,
        Instant checkedInAt,
        VisitSource source) {

    public VisitDisplay {
        requiredText(visitId, "visitId");
        requiredText(studentId, "studentId");
        requiredText(studentName, "studentName");
        required(schoolClass, "schoolClass");
        required(checkedInAt, "checkedInAt");
        required(source, "source");
    }
}
