package app.roomwatch.console.feed;

/** What a feed line is about; each kind has its icon and colour, and the feed can be narrowed to one. */
public enum FeedKind {
    CHILDREN,
    ACTIVITIES,
    NOTIFICATIONS,
    SCANNERS;

    /** The kind of a line describing an event of {@code type}. */
    public static FeedKind of(String type) {
        return switch (type) {
            case "student_checkin", "student_checkout" -> CHILDREN;
            case "notification_new" -> NOTIFICATIONS;
            case "device_status" -> SCANNERS;
            default -> ACTIVITIES;
        };
    }

    /** The key of this kind's name in the message bundles. */
    public String key() {
        return "feed.kind." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
