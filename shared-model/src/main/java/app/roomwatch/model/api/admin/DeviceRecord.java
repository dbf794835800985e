package app.roomwatch.model.api.admin;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

import app.roomwatch.model.event.DeviceStatus;
import java.time.Instant;

/**
 * A registered scanner as admins see it ({@code GET /api/admin/devices}); never its key.
 *
 * @param lastSeenAt its last scan or heartbeat, or {@code null} if it never reported
 * @param mode {@code scan} or {@code assign}; {@code scan} when absent
 * @param lastTag the last tag it read in assign mode, or {@code null}
 * @param lastTagAt when it read {@code lastTag}, or {@code null}
 */
public record DeviceRecord(
        String id,
        String name,
        String roomId,
        DeviceStatus status,
        Instant lastSeenAt,
        DeviceMode mode,
        String lastTag,
        Instant lastTagAt) {
    public DeviceRecord {
        requiredText(id, "id");
        requiredText(name, "name");
        requiredText(roomId, "roomId");
        required(status, "status");
        mode = mode == null ? DeviceMode.SCAN : mode;
        if ((lastTag == null) != (lastTagAt == null)) {
            throw new IllegalArgumentException("'lastTag' and 'lastTagAt' must be given together");
        }
    }
}
