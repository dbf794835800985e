package app.roomwatch.console.notifications;

import app.roomwatch.model.api.NotificationView;
import app.roomwatch.model.event.NotificationPriority;
import java.util.List;

/**
 * Notifications with the same group key, shown as one row ("3 children checked out by schedule").
 *
 * @param members newest first; never empty
 */
public record NotificationGroup(String groupKey, List<NotificationView> members) {

    public NotificationGroup {
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a notification group has at least one member");
        }
    }

    /** The row's id for keeping the selection: the group key. */
    public String id() {
        return groupKey;
    }

    public NotificationView latest() {
        return members.getFirst();
    }

    public int size() {
        return members.size();
    }

    public long unreadCount() {
        return members.stream().filter(n -> !n.read()).count();
    }

    public boolean isUnread() {
        return unreadCount() > 0;
    }

    public boolean isUrgent() {
        return members.stream().anyMatch(n -> n.priority() == NotificationPriority.URGENT && !n.read());
    }

    public List<String> unreadIds() {
        return members.stream().filter(n -> !n.read()).map(NotificationView::id).toList();
    }
}
