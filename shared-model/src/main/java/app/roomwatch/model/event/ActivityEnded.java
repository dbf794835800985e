package app.roomwatch.model.event;

import static app.roomwatch.model.Fields.requiredText;

/** An activity ended (by hand or after its inactivity timeout); topic {@code tenant}. */
public record ActivityEnded(String activeGroupId, String roomId) implements EventPayload {

    public static final String TYPE = "activity_end";

    public ActivityEnded {
        requiredText(activeGroupId, "activeGroupId");
        requiredText(roomId, "roomId");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
