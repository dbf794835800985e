package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

import app.roomwatch.model.event.NotificationPriority;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One notification of {@code GET /api/notifications}. */
public record NotificationView(
        String id,
        NotificationPriority priority,
        String title,
        String body,
        String groupKey,
        Instant createdAt,
        @JsonProperty(required = true) boolean read) {

    public NotificationView {
        requiredText(id, "id");
        required(priority, "priority");
        requiredText(title, "title");
        required(body, "body");
        requiredText(groupKey, "groupKey");
        required(createdAt, "createdAt");
    }
}
