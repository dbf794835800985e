package app.roomwatch.model.api.admin;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

import app.roomwatch.model.event.DeviceStatus;
import java.time.Instant;

/**
 * A registered scanner as admins see it ({@code GET /api/admin/devices}); never its key.
 *
 * @param lastSeenAt its last scan or heartbeat, or {@code null} if it never reported
 */
public record DeviceRecord(String id, String name, String roomId, DeviceStatus status, Instant lastSeenAt) {
    public DeviceRecord {
        requiredText(id, "id");
        requiredText(name, "name");
        requiredText(roomId, "roomId");
        required(status, "status");
    }
}
