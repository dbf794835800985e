package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

import app.roomwatch.model.event.NotificationPriority;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One notification of {@code GET /api/notifications}.
 *
 * @param sender the display name of the staff member who announced it, or {@code null} when the server raised it
 */
public record NotificationView(
        String id,
        NotificationPriority priority,
        String title,
        String body,
        String groupKey,
        Instant createdAt,
        @JsonProperty(required = true) boolean read,
        String sender) {

    public NotificationView {
        requiredText(id, "id");
        required(priority, "priority");
        requiredText(title, "title");
        required(body, "body");
        requiredText(groupKey, "groupKey");
        required(createdAt, "createdAt");
    }

    /** A notification the server raised itself, with no sender. */
    public NotificationView(
            String id,
            NotificationPriority priority,
            String title,
            String body,
            String groupKey,
            Instant createdAt,
            boolean read) {
        this(id, priority, title, body, groupKey, createdAt, read, null);
    }

    /** The same notification, read. */
    public NotificationView asRead() {
        return new NotificationView(id, priority, title, body, groupKey, createdAt, true, sender);
    }
}
