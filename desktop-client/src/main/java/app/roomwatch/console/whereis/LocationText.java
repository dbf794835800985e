package app.roomwatch.console.whereis;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.model.api.ChildLocation;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Where a child is, as one sentence: "In Art room (Painting) since 14:03", "Gone home at 15:10", … */
public final class LocationText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Messages messages;
    private final ZoneId zone;

    public LocationText(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    public String of(ChildLocation location) {
        if (location == null) {
            return messages.get("where.notSeenToday");
        }
        return switch (location.state()) {
            case IN_ROOM ->
                messages.get("where.inRoom", location.roomName(), location.activeGroupName(), time(location.since()));
            case LEFT_ROOM -> messages.get("where.leftRoom", location.roomName(), time(location.since()));
            case GONE_HOME -> messages.get("where.goneHome", time(location.since()));
            case NOT_SEEN_TODAY -> messages.get("where.notSeenToday");
        };
    }

    /** "14:03" in the console's time zone. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }
}
