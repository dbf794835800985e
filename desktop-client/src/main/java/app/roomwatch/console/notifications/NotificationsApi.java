package app.roomwatch.console.notifications;

import app.roomwatch.model.api.NotificationView;
import java.util.List;

/** What the notifications panel needs from the server; blocking calls, made off the UI thread. */
public interface NotificationsApi {

    /** {@code GET /api/notifications?limit=}: the signed-in staff member's notifications, newest first. */
    List<NotificationView> notifications(int limit) throws Exception;

    /** {@code POST /api/notifications/{id}/read}; throws when the server refuses. */
    void markRead(String id) throws Exception;
}
