package app.roomwatch.model.event;

import static app.roomwatch.model.Fields.requiredList;

import java.util.List;

/** The active groups a staff member supervises changed; carries the new set. Topic {@code staff:{id}}. */
public record SupervisionChanged(List<String> activeGroupIds) implements EventPayload {

    public static final String TYPE = "supervision_changed";

    public SupervisionChanged {
        activeGroupIds = requiredList(activeGroupIds, "activeGroupIds");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
