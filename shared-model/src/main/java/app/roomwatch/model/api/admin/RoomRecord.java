package app.roomwatch.model.api.admin;

import static app.roomwatch.model.Fields.nonNegative;
import static app.roomwatch.model.Fields.requiredText;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A room as admins manage it ({@code /api/admin/rooms}). */
public record RoomRecord(
        String id,
        String name,
        @JsonProperty(required = true) int capacity) {
    public RoomRecord {
        requiredText(id, "id");
        requiredText(name, "name");
        nonNegative(capacity, "capacity");
    }
}
