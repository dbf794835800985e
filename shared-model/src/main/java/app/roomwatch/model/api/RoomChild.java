package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

import app.roomwatch.model.event.VisitSource;
import java.time.Instant;

/** A child in a room now ({@code GET /api/rooms/{id}/children}, and the children of {@link RoomView}). */
public record RoomChild(
        String studentId, String studentName, String schoolClass, Instant checkedInAt, VisitSource source) {

    public RoomChild {
        requiredText(studentId, "studentId");
        requiredText(studentName, "studentName");
        required(schoolClass, "schoolClass");
        required(checkedInAt, "checkedInAt");
        required(source, "source");
    }
}
