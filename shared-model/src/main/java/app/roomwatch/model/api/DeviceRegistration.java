package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.requiredText;

/** {@code POST /api/admin/devices}. */
public record DeviceRegistration(String name, String roomId) {

    public DeviceRegistration {
        requiredText(name, "name");
        requiredText(roomId, "roomId");
    }
}
