package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to a scan: what it did to the child's visit.
 *
 * @param studentId the child; for {@code tag_read}, the child who has the tag, or {@code null} if nobody has it
 * @param studentName that child's short name, or {@code null} with {@code studentId}
 * @param activeGroupId the activity the child is now in or left; {@code null} for {@code tag_read}
 */
public record ScanResult(
        ScanResult.Outcome result, String studentId, String studentName, String roomName, String activeGroupId) {

    public ScanResult {
        required(result, "result");
        requiredText(roomName, "roomName");
        if (result == Outcome.TAG_READ) {
            if ((studentId == null) != (studentName == null)) {
                throw new IllegalArgumentException("'studentId' and 'studentName' must be given together");
            }
            if (activeGroupId != null) {
                throw new IllegalArgumentException("'activeGroupId' must be absent for 'tag_read'");
            }
        } else {
            requiredText(studentId, "studentId");
            requiredText(studentName, "studentName");
            requiredText(activeGroupId, "activeGroupId");
        }
    }

    /**
     * Checked in here, checked out of here, or checked out elsewhere and in here; or, at a scanner in assign mode,
     * only read.
     */
    public enum Outcome {
        @JsonProperty("checked_in")
        CHECKED_IN,
        @JsonProperty("checked_out")
        CHECKED_OUT,
        @JsonProperty("moved")
        MOVED,
        @JsonProperty("tag_read")
        TAG_READ
    }
}
