package app.roomwatch.console.notifications;

import app.roomwatch.model.api.NotificationView;
import app.roomwatch.model.event.NotificationPriority;
import java.util.List;

/**
 * One row of the notifications panel: info notifications with the same group key ("3 children checked out by
 * schedule"), or one urgent notification on its own.
 *
 * @param groupKey the members' group key, or {@link #URGENT_PREFIX} and the id of the one urgent notification
 * @param members newest first; never empty
 */
public record NotificationGroup(String groupKey, List<NotificationView> members) {

    /** Starts the key of a row that holds one urgent notification. */
    public static final String URGENT_PREFIX = "urgent:";

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

    /** True for a row holding an urgent notification that has not been read. */
    public boolean isUrgent() {
        return members.stream().anyMatch(n -> n.priority() == NotificationPriority.URGENT && !n.read());
    }

    /** True for a row holding one urgent notification, read or not. */
    public boolean isUrgentRow() {
        return groupKey.startsWith(URGENT_PREFIX);
    }

    public List<String> unreadIds() {
        return members.stream().filter(n -> !n.read()).map(NotificationView::id).toList();
    }
}
