package app.roomwatch.model.event;

import static app.roomwatch.model.Fields.requiredList;

import java.util.List;

/** Notifications were marked read, on any of the staff member's consoles; topic {@code staff:{id}}. */
public record NotificationsRead(List<String> ids) implements EventPayload {

    public static final String TYPE = "notification_read";

    public NotificationsRead {
        ids = requiredList(ids, "ids");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
