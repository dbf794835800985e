package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to a scan: what it did to the child's visit. */
public record ScanResult(
        ScanResult.Outcome result, String studentId, String studentName, String roomName, String activeGroupId) {

    public ScanResult {
        required(result, "result");
        requiredText(studentId, "studentId");
        requiredText(studentName, "studentName");
        requiredText(roomName, "roomName");
        requiredText(activeGroupId, "activeGroupId");
    }

    /** Checked in here, checked out of here, or checked out elsewhere and in here. */
    public enum Outcome {
        @JsonProperty("checked_in")
        CHECKED_IN,
        @JsonProperty("checked_out")
        CHECKED_OUT,
        @JsonProperty("moved")
        MOVED
    }
}
