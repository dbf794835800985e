package app.roomwatch.console.notifications;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.Coalescer;
import app.roomwatch.console.refresh.ErrorText;
import app.roomwatch.console.refresh.Loader;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.time.Scheduler;
import app.roomwatch.model.api.NotificationView;
import app.roomwatch.model.event.NotificationCreated;
import app.roomwatch.model.event.NotificationPriority;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The notifications panel, the bell and the urgent strip: info notifications grouped by their group key, every
 * urgent one on its own row, the unread urgent ones for the strip, the row that is open, the unread count, and
 * mark-as-read that shows at once and is taken back, with a message, when the server refuses.
 */
public final class NotificationsViewModel {

    static final int LIMIT = 100;

    private final NotificationsApi api;
    private final TaskExecutor tasks;
    private final Loader loader;
    private final Coalescer refetch;
    private final NotificationAlerts alerts;
    private final Messages messages;

    private final ObservableList<NotificationGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<NotificationView> urgentUnread = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<NotificationGroup> opened = new ReadOnlyObjectWrapper<>(this, "opened");
    private final ReadOnlyIntegerWrapper unreadCount = new ReadOnlyIntegerWrapper(this, "unreadCount");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private List<NotificationView> fromServer = List.of();
    // Read here but not yet confirmed by the server: a refetch that raced the request must not show them unread.
    private final Set<String> readPending = new HashSet<>();
    // Read according to a notification_read event (another console) that a refetch may not reflect yet.
    private final Set<String> readElsewhere = new HashSet<>();
    private final Set<String> announced = new HashSet<>();
    // The open row's id, kept across refetches; or a notification id to open once it has been fetched.
    private String openedKey;
    private String toOpen;

    public NotificationsViewModel(
            NotificationsApi api,
            TaskExecutor tasks,
            Scheduler scheduler,
            NotificationAlerts alerts,
            Messages messages) {
        this.api = api;
        this.tasks = tasks;
        this.loader = tasks.loader();
        this.alerts = alerts;
        this.messages = messages;
        this.refetch = new Coalescer(scheduler, Coalescer.WINDOW, this::reload);
    }

    public ObservableList<NotificationGroup> groups() {
        return groups;
    }

    /** Unread urgent notifications, newest first: the strip at the top of the window shows them until read. */
    public ObservableList<NotificationView> urgentUnread() {
        return urgentUnread;
    }

    /** The row whose items are shown in full, or {@code null}. */
    public ReadOnlyObjectProperty<NotificationGroup> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    /** Shows a row's items in full: an urgent notification, or every member of an info group. */
    public void open(NotificationGroup group) {
        openedKey = group == null ? null : group.id();
        toOpen = null;
        opened.set(group);
    }

    /** Opens the row holding notification {@code id} (from a toast or the strip), once it is on the list. */
    public void openNotification(String id) {
        NotificationGroup holding = holding(id);
        if (holding == null) {
            toOpen = id;
            refetch.trigger();
        } else {
            open(holding);
        }
    }

    public ReadOnlyIntegerProperty unreadCountProperty() {
        return unreadCount.getReadOnlyProperty();
    }

    /** Why a mark-as-read was taken back, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why the list could not be loaded, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Fetches the list now. */
    public void reload() {
        refetch.cancel();
        loader.load(
                () -> api.notifications(LIMIT),
                this::show,
                e -> error.set(messages.get("notifications.loadFailed", ErrorText.of(e, messages))));
    }

    /** A {@code notification_new} event: refetch (coalesced) and alert once per notification. */
    public void onCreated(NotificationCreated created) {
        refetch.trigger();
        if (announced.add(created.id())) {
            alerts.announce(created);
        }
    }

    /** A {@code notification_read} event: this user read them, here or on another console. */
    public void onRead(List<String> ids) {
        readElsewhere.addAll(ids);
        regroup();
    }

    /** Marks every unread member of {@code group} read now, and tells the server. */
    public void markRead(NotificationGroup group) {
        markRead(group.unreadIds());
    }

    /** Marks one notification read now, and tells the server. */
    public void markRead(NotificationView notification) {
        if (!notification.read()) {
            markRead(List.of(notification.id()));
        }
    }

    private void markRead(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        message.set("");
        readPending.addAll(ids);
        regroup();
        for (String id : ids) {
            tasks.execute(
                    () -> {
                        api.markRead(id);
                        return id;
                    },
                    done -> readPending.remove(done),
                    e -> revert(id, e));
        }
    }

    /** Marks everything shown as read. */
    public void markAllRead() {
        List.copyOf(groups).forEach(this::markRead);
    }

    public void clearMessage() {
        message.set("");
    }

    /** Who a notification is from, in words: the sender's name, or Roomwatch itself. */
    public String sender(NotificationView notification) {
        return notification.sender() == null
                ? messages.get("notifications.fromRoomwatch")
                : messages.get("notifications.from", notification.sender());
    }

    /** The row's headline: the notification's title, or the group's summary ("3 children checked out by schedule"). */
    public String headline(NotificationGroup group) {
        if (group.size() == 1) {
            return group.latest().title();
        }
        String key = group.groupKey();
        int colon = key.indexOf(':');
        String summary = messages.find("notifications.group." + key, group.size());
        if (summary == null && colon > 0) {
            summary = messages.find("notifications.group." + key.substring(0, colon), group.size());
        }
        return summary != null
                ? summary
                : messages.get(
                        "notifications.group.similar",
                        group.size() - 1,
                        group.latest().title());
    }

    private void revert(String id, Exception e) {
        readPending.remove(id);
        regroup();
        message.set(messages.get("notifications.markReadFailed", ErrorText.of(e, messages)));
    }

    private void show(List<NotificationView> notifications) {
        error.set("");
        fromServer = List.copyOf(notifications);
        // Once the server says read, the local marks have done their job.
        for (NotificationView n : fromServer) {
            if (n.read()) {
                readElsewhere.remove(n.id());
            }
        }
        regroup();
    }

    private void regroup() {
        Map<String, List<NotificationView>> byKey = new LinkedHashMap<>();
        List<NotificationView> urgent = new ArrayList<>();
        int unread = 0;
        for (NotificationView n : fromServer) {
            NotificationView shown = isReadLocally(n.id()) && !n.read() ? n.asRead() : n;
            if (!shown.read()) {
                unread++;
            }
            boolean isUrgent = shown.priority() == NotificationPriority.URGENT;
            if (isUrgent && !shown.read()) {
                urgent.add(shown);
            }
            // Urgent notifications are never grouped: each one's title, body and sender stay in sight.
            String key = isUrgent ? NotificationGroup.URGENT_PREFIX + shown.id() : shown.groupKey();
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(shown);
        }
        List<NotificationGroup> next = byKey.entrySet().stream()
                .map(e -> new NotificationGroup(e.getKey(), e.getValue()))
                .toList();
        if (!next.equals(groups)) {
            groups.setAll(next);
        }
        if (!urgent.equals(urgentUnread)) {
            urgentUnread.setAll(urgent);
        }
        unreadCount.set(unread);
        if (toOpen != null && holding(toOpen) != null) {
            open(holding(toOpen));
        } else if (openedKey != null) {
            opened.set(groups.stream()
                    .filter(g -> g.id().equals(openedKey))
                    .findFirst()
                    .orElse(null));
        }
    }

    private NotificationGroup holding(String notificationId) {
        return groups.stream()
                .filter(g -> g.members().stream().anyMatch(n -> n.id().equals(notificationId)))
                .findFirst()
                .orElse(null);
    }

    private boolean isReadLocally(String id) {
        return readPending.contains(id) || readElsewhere.contains(id);
    }
}
