package app.roomwatch.model.api.admin;

import static app.roomwatch.model.Fields.requiredText;

/**
 * Changing a scanner ({@code PUT /api/admin/devices/{id}}): its name, its room and its mode.
 *
 * @param mode {@code scan} or {@code assign}; {@code scan} when absent
 */
public record DeviceUpdate(String name, String roomId, DeviceMode mode) {
    public DeviceUpdate {
        requiredText(name, "name");
        requiredText(roomId, "roomId");
        mode = mode == null ? DeviceMode.SCAN : mode;
    }
}
