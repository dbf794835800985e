package app.roomwatch.model.event;

import static app.roomwatch.model.Fields.nonNegative;
import static app.roomwatch.model.Fields.requiredText;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How many children are in a room now: a count, never names, so that Live rooms can show every room to every
 * staff member. Topic {@code tenant}.
 *
 * @param activeGroupId the activity running in the room, or {@code null} when none runs
 */
public record RoomOccupancyChanged(
        String roomId,
        String activeGroupId,
        @JsonProperty(required = true) int occupancy) implements EventPayload {

    public static final String TYPE = "room_occupancy";

    public RoomOccupancyChanged {
        requiredText(roomId, "roomId");
        nonNegative(occupancy, "occupancy");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
