package app.roomwatch.console.notifications;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.Coalescer;
import app.roomwatch.console.refresh.ErrorText;
import app.roomwatch.console.refresh.Loader;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.time.Scheduler;
import app.roomwatch.model.api.NotificationView;
import app.roomwatch.model.event.NotificationCreated;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The notifications panel and the bell: notifications grouped by their group key, the unread count, and
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
    private final ReadOnlyIntegerWrapper unreadCount = new ReadOnlyIntegerWrapper(this, "unreadCount");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private List<NotificationView> fromServer = List.of();
    // Read here but not yet confirmed by the server: a refetch that raced the request must not show them unread.
    private final Set<String> readPending = new HashSet<>();
    // Read according to a notification_read event (another console) that a refetch may not reflect yet.
    private final Set<String> readElsewhere = new HashSet<>();
    private final Set<String> announced = new HashSet<>();

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
                e -> error.set(messages.get("notifications.loadFailed", ErrorText.of(e))));
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
        List<String> ids = group.unreadIds();
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
        message.set(messages.get("notifications.markReadFailed", ErrorText.of(e)));
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
        int unread = 0;
        for (NotificationView n : fromServer) {
            NotificationView shown = isReadLocally(n.id()) && !n.read() ? asRead(n) : n;
            if (!shown.read()) {
                unread++;
            }
            byKey.computeIfAbsent(shown.groupKey(), k -> new ArrayList<>()).add(shown);
        }
        List<NotificationGroup> next = byKey.entrySet().stream()
                .map(e -> new NotificationGroup(e.getKey(), e.getValue()))
                .toList();
        if (!next.equals(groups)) {
            groups.setAll(next);
        }
        unreadCount.set(unread);
    }

    private boolean isReadLocally(String id) {
        return readPending.contains(id) || readElsewhere.contains(id);
    }

    private static NotificationView asRead(NotificationView n) {
        return new NotificationView(n.id(), n.priority(), n.title(), n.body(), n.groupKey(), n.createdAt(), true);
    }
}
