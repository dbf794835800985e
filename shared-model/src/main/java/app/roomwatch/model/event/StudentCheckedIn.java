package app.roomwatch.model.event;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

/** A child was checked in to an active group; topic {@code active-group:{id}}. */
public record StudentCheckedIn(
        String studentId, String studentName, String activeGroupId, String roomId, VisitSource source)
        implements EventPayload {

    public static final String TYPE = "student_checkin";

    public StudentCheckedIn {
        requiredText(studentId, "studentId");
        requiredText(studentName, "studentName");
        requiredText(activeGroupId, "activeGroupId");
        requiredText(roomId, "roomId");
        required(source, "source");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
