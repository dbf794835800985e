package app.roomwatch.console.feed;

import app.roomwatch.model.api.ActivityEntry;

/**
 * One row of the feed: an entry, or the newest of several identical system lines in a row ("×4").
 *
 * @param times how many identical lines this row stands for; at least 1
 */
public record FeedLine(ActivityEntry entry, int times) {

    public String id() {
        return entry.id();
    }

    public FeedKind kind() {
        return FeedKind.of(entry.type());
    }

    /** Lines the server writes about itself, not about a child: these collapse when repeated. */
    boolean collapses() {
        return switch (entry.type()) {
            case "device_status", "supervision_changed" -> true;
            default -> false;
        };
    }
}
