package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.requiredText;

import java.time.Instant;

/**
 * {@code POST /api/iot/scans}.
 *
 * @param action {@code null} means {@link ScanAction#TOGGLE}
 * @param scannedAt when the tag was read, if the scanner knows; {@code null} means now
 */
public record ScanRequest(String rfidTag, ScanAction action, Instant scannedAt) {

    public ScanRequest {
        requiredText(rfidTag, "rfidTag");
        if (action == null) {
            action = ScanAction.TOGGLE;
        }
    }
}
