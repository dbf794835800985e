package app.roomwatch.model.event;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

/** A scanner came online, fell silent or was revoked; topic {@code tenant}. */
public record DeviceStatusChanged(String deviceId, String roomId, DeviceStatus status) implements EventPayload {

    public static final String TYPE = "device_status";

    public DeviceStatusChanged {
        requiredText(deviceId, "deviceId");
        requiredText(roomId, "roomId");
        required(status, "status");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
