package app.roomwatch.model.api.admin;

import static app.roomwatch.model.Fields.nonNegative;
import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

/** Creating or changing a room. */
public record RoomRequest(String name, Integer capacity) {
    public RoomRequest {
        requiredText(name, "name");
        nonNegative(required(capacity, "capacity"), "capacity");
    }
}
