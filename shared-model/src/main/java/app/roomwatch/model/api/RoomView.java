package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.nonNegative;
import static app.roomwatch.model.Fields.optionalList;
import static app.roomwatch.model.Fields.requiredList;
import static app.roomwatch.model.Fields.requiredText;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One room of {@code GET /api/rooms}, for Live rooms.
 *
 * @param activeGroup the activity running in it, or {@code null}
 * @param children the children in it now, newest arrival first
 */
public record RoomView(
        String id,
        String name,
        @JsonProperty(required = true) int capacity,
        @JsonProperty(required = true) int occupancy,
        RoomView.Activity activeGroup,
        List<RoomChild> children) {

    public RoomView {
        requiredText(id, "id");
        requiredText(name, "name");
        nonNegative(capacity, "capacity");
        nonNegative(occupancy, "occupancy");
        children = optionalList(children, "children");
    }

    /** The activity running in a room. */
    public record Activity(String id, String name, List<Person> supervisors) {

        public Activity {
            requiredText(id, "id");
            requiredText(name, "name");
            supervisors = requiredList(supervisors, "supervisors");
        }
    }
}
