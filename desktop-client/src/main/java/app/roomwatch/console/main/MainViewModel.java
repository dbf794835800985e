package app.roomwatch.console.main;

import app.roomwatch.console.admin.AdminViewModel;
import app.roomwatch.console.feed.FeedViewModel;
import app.roomwatch.console.groups.GroupsViewModel;
import app.roomwatch.console.notifications.NotificationsViewModel;
import app.roomwatch.console.rooms.RoomsViewModel;
import app.roomwatch.console.roster.RosterViewModel;
import app.roomwatch.console.status.ConnectionSnapshot;
import app.roomwatch.console.status.StatusViewModel;
import app.roomwatch.console.toast.ToastViewModel;
import app.roomwatch.console.whereis.WhereIsViewModel;
import app.roomwatch.model.event.ActivityEnded;
import app.roomwatch.model.event.ActivityStarted;
import app.roomwatch.model.event.DeviceStatusChanged;
import app.roomwatch.model.event.EventEnvelope;
import app.roomwatch.model.event.NotificationCreated;
import app.roomwatch.model.event.NotificationsRead;
import app.roomwatch.model.event.RoomOccupancyChanged;
import app.roomwatch.model.event.StudentCheckedIn;
import app.roomwatch.model.event.StudentCheckedOut;
import app.roomwatch.model.event.SupervisionChanged;
import app.roomwatch.model.event.VisitSource;

/**
 * The signed-in console: its views' models, and the one place that says which event makes which view refetch.
 * Events are triggers only; every view fetches what it shows from the REST API.
 */
public final class MainViewModel {

    private final String displayName;
    private final RoomsViewModel rooms;
    private final GroupsViewModel groups;
    private final WhereIsViewModel whereIs;
    private final RosterViewModel roster;
    private final FeedViewModel feed;
    private final NotificationsViewModel notifications;
    private final ToastViewModel toasts;
    private final StatusViewModel status;
    /** The admin area, or {@code null} for a supervisor. */
    private AdminViewModel admin;

    private boolean wasLive;
    private boolean interrupted;

    public MainViewModel(
            String displayName,
            RoomsViewModel rooms,
            GroupsViewModel groups,
            WhereIsViewModel whereIs,
            RosterViewModel roster,
            FeedViewModel feed,
            NotificationsViewModel notifications,
            ToastViewModel toasts,
            StatusViewModel status) {
        this.displayName = displayName;
        this.rooms = rooms;
        this.groups = groups;
        this.whereIs = whereIs;
        this.roster = roster;
        this.feed = feed;
        this.notifications = notifications;
        this.toasts = toasts;
        this.status = status;
    }

    public String displayName() {
        return displayName;
    }

    public RoomsViewModel rooms() {
        return rooms;
    }

    public GroupsViewModel groups() {
        return groups;
    }

    public WhereIsViewModel whereIs() {
        return whereIs;
    }

    public RosterViewModel roster() {
        return roster;
    }

    public FeedViewModel feed() {
        return feed;
    }

    public NotificationsViewModel notifications() {
        return notifications;
    }

    public ToastViewModel toasts() {
        return toasts;
    }

    public StatusViewModel status() {
        return status;
    }

    /** The admin area, or {@code null}: only staff with the admin role have one. */
    public AdminViewModel admin() {
        return admin;
    }

    /** Gives an admin's console its admin area; set once, before the window is built. */
    void withAdmin(AdminViewModel admin) {
        this.admin = admin;
    }

    /** One event from the realtime client, on the UI thread. */
    public void onEvent(EventEnvelope event) {
        switch (event.data()) {
            case StudentCheckedIn in -> {
                groups.mine().onChildrenChanged(in.activeGroupId());
                whereIs.onLocationsChanged();
                roster.onLocationsChanged();
                feed.onActivity();
                scanned(in.source());
            }
            case StudentCheckedOut out -> {
                groups.mine().onChildrenChanged(out.activeGroupId());
                whereIs.onLocationsChanged();
                roster.onLocationsChanged();
                feed.onActivity();
                scanned(out.source());
            }
            case RoomOccupancyChanged ignored -> {
                rooms.onRoomChanged();
                whereIs.onLocationsChanged();
                roster.onLocationsChanged();
            }
            case ActivityStarted ignored -> {
                rooms.onRoomChanged();
                groups.mine().onGroupsChanged();
                feed.onActivity();
            }
            case ActivityEnded ignored -> {
                rooms.onRoomChanged();
                whereIs.onLocationsChanged();
                roster.onLocationsChanged();
                groups.mine().onGroupsChanged();
                feed.onActivity();
            }
            case SupervisionChanged ignored -> {
                groups.mine().onGroupsChanged();
                rooms.onRoomChanged();
                feed.onActivity();
            }
            case NotificationCreated created -> {
                notifications.onCreated(created);
                // Announcements and alerts are feed lines too: the feed must not wait for the next check-in.
                feed.onActivity();
            }
            case NotificationsRead read -> notifications.onRead(read.ids());
            case DeviceStatusChanged ignored -> {
                feed.onActivity();
                if (admin != null) {
                    admin.onDevicesChanged();
                }
            }
        }
    }

    private void scanned(VisitSource source) {
        if (admin != null && source == VisitSource.RFID) {
            admin.onScanned();
        }
    }

    /**
     * The connection's state, for the status light; when updates are live again after a break, everything is fetched
     * again and what went wrong before the break is no longer shown.
     */
    public void onConnection(ConnectionSnapshot snapshot) {
        status.update(snapshot);
        if (snapshot.light() != ConnectionSnapshot.Light.LIVE) {
            interrupted = wasLive;
            return;
        }
        wasLive = true;
        if (interrupted) {
            interrupted = false;
            groups.clearMessage();
            reloadAll();
        }
    }

    /** Loads everything from the server: at sign-in, and when the realtime client says events may be lost. */
    public void reloadAll() {
        feed.forgetBaseline();
        rooms.reload();
        groups.mine().reload();
        whereIs.reload();
        roster.reload();
        feed.reload();
        notifications.reload();
        if (admin != null) {
            admin.reloadAll();
        }
    }
}
