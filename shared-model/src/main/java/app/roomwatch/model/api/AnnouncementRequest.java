package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

import app.roomwatch.model.event.NotificationPriority;

/**
 * {@code POST /api/announcements}.
 *
 * @param activeGroupId notify only this active group's supervisors, or {@code null} for the whole tenant
 */
public record AnnouncementRequest(String title, String body, NotificationPriority priority, String activeGroupId) {

    public AnnouncementRequest {
        requiredText(title, "title");
        required(body, "body");
        required(priority, "priority");
    }
}
