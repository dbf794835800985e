package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.requiredText;

/** {@code POST /api/active/groups/{id}/visits}: a manual check-in. */
public record CheckInRequest(String studentId) {

    public CheckInRequest {
        requiredText(studentId, "studentId");
    }
}
