package app.roomwatch.model.event;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

/**
 * A new notification for one staff member; topic {@code staff:{id}}.
 *
 * @param groupKey notifications with the same key are shown as one group ("3 children checked out by schedule")
 * @param sender the display name of the staff member who announced it, or {@code null} when the server raised it
 */
public record NotificationCreated(
        String id, NotificationPriority priority, String title, String body, String groupKey, String sender)
        implements EventPayload {

    public static final String TYPE = "notification_new";

    public NotificationCreated {
        requiredText(id, "id");
        required(priority, "priority");
        requiredText(title, "title");
        required(body, "body");
        requiredText(groupKey, "groupKey");
    }

    /** A notification the server raised itself, with no sender. */
    public NotificationCreated(String id, NotificationPriority priority, String title, String body, String groupKey) {
        this(id, priority, title, body, groupKey, null);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
