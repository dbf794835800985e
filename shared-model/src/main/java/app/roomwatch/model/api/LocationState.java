package app.roomwatch.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a child is now, as {@link ChildLocation} names it. */
public enum LocationState {
    /** Checked in to a running activity. */
    @JsonProperty("in_room")
    IN_ROOM,
    /** Checked out of a room today by a scanner or because its activity ended, and in no room since. */
    @JsonProperty("left_room")
    LEFT_ROOM,
    /** Checked out for the day today: by schedule or by a supervisor's hand. */
    @JsonProperty("gone_home")
    GONE_HOME,
    /** No visit today. */
    @JsonProperty("not_seen_today")
    NOT_SEEN_TODAY
}
