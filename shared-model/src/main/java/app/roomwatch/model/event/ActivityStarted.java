package app.roomwatch.model.event;

import static app.roomwatch.model.Fields.requiredList;
import static app.roomwatch.model.Fields.requiredText;

import java.util.List;

/** An activity began in a room; topic {@code tenant}. */
public record ActivityStarted(
        String activeGroupId, String name, String roomId, String roomName, List<String> supervisorIds)
        implements EventPayload {

    public static final String TYPE = "activity_start";

    public ActivityStarted {
        requiredText(activeGroupId, "activeGroupId");
        requiredText(name, "name");
        requiredText(roomId, "roomId");
        requiredText(roomName, "roomName");
        supervisorIds = requiredList(supervisorIds, "supervisorIds");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
