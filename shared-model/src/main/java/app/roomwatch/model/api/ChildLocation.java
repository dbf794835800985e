package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.required;

import java.time.Instant;

/**
 * Where a child is now: {@code in_room} names the room and activity and when the child came; {@code left_room} the
 * room left and when; {@code gone_home} when; {@code not_seen_today} nothing. Fields that do not apply are null.
 */
public record ChildLocation(
        LocationState state,
        String roomId,
        String roomName,
        String activeGroupId,
        String activeGroupName,
        Instant since) {

    public ChildLocation {
        required(state, "state");
    }

    /** A child with no visit today. */
    public static ChildLocation notSeenToday() {
        return new ChildLocation(LocationState.NOT_SEEN_TODAY, null, null, null, null, null);
    }
}
