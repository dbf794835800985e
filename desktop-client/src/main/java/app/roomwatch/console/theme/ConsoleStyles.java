package app.roomwatch.console.theme;

/** The style classes of console.css, named once so views and stylesheet cannot drift apart silently. */
public final class ConsoleStyles {

    public static final String HEADER = "rw-header";
    public static final String APP_NAME = "rw-app-name";
    public static final String SIGNED_IN = "rw-signed-in";
    public static final String STATUS = "rw-status";
    public static final String STATUS_DOT = "rw-status-dot";
    public static final String LIVE = "rw-live";
    public static final String CONNECTING = "rw-connecting";
    public static final String POLLING = "rw-polling";
    public static final String OFFLINE = "rw-offline";
    public static final String BANNER = "rw-banner";
    /** On the views while the console is not live: what they show may be old. */
    public static final String STALE = "rw-stale";

    public static final String BELL = "rw-bell";
    public static final String BELL_DOT = "rw-bell-dot";
    public static final String BADGE = "rw-badge";
    public static final String PANE = "rw-pane";
    public static final String ROOM_ROW = "rw-room-row";
    public static final String ROOM_NAME = "rw-room-name";
    public static final String OCCUPANCY = "rw-occupancy";
    public static final String OVER_CAPACITY = "rw-over-capacity";
    public static final String IDLE = "rw-idle";
    public static final String MUTED = "rw-muted";
    public static final String SUMMARY = "rw-summary";
    public static final String GROUP_TITLE = "rw-group-title";
    public static final String MESSAGE = "rw-message";
    public static final String EMPTY = "rw-empty";
    public static final String NOTIFICATION_ROW = "rw-notification-row";
    public static final String UNREAD = "rw-unread";
    public static final String URGENT = "rw-urgent";
    public static final String NOTIFICATION_ITEM = "rw-notification-item";
    public static final String NOTIFICATION_TITLE = "rw-notification-title";
    public static final String URGENT_STRIP = "rw-urgent-strip";
    public static final String TOASTS = "rw-toasts";
    public static final String TOAST = "rw-toast";
    public static final String TOAST_TITLE = "rw-toast-title";
    public static final String LOGIN = "rw-login";
    public static final String LOGIN_CARD = "rw-login-card";
    public static final String HEADING = "rw-heading";
    public static final String ERROR = "rw-error";
    public static final String FEED_TIME = "rw-feed-time";
    public static final String FEED_TIMES = "rw-feed-times";

    // Where is every child: the room board, the lists of children and their locations.
    public static final String ROOM_BOARD = "rw-room-board";
    public static final String ROOM_CARD = "rw-room-card";
    public static final String ROOM_CARD_SELECTED = "rw-room-card-selected";
    public static final String ROOM_CHILDREN = "rw-room-children";
    public static final String ROOM_CHILD = "rw-room-child";
    public static final String CHILD_ROW = "rw-child-row";
    public static final String CHILD_NAME = "rw-child-name";
    public static final String CHILD_LOCATION = "rw-child-location";
    public static final String CHILD_IN_ROOM = "rw-child-in-room";
    public static final String CHILD_AWAY = "rw-child-away";

    private ConsoleStyles() {}
}
