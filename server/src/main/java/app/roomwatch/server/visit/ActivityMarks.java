package app.roomwatch.server.visit;

import java.time.Duration;
import java.time.Instant;

/**
 * What a check-in or -out changes on its activity's row, which the activity feature owns (and, depending on this
 * package, answers through this interface): the last-activity mark the inactivity timeout counts from, and whether
 * the over-capacity warning has gone out.
 */
public interface ActivityMarks {

    /** Marks the activity active at {@code at}, unless its mark is less than {@code granularity} older. */
    void touch(long tenantId, long activeGroupId, Instant at, Duration granularity);

    /** Notes that the over-capacity warning goes out; false when it had gone out already. */
    boolean armCapacityWarning(long tenantId, long activeGroupId);

    /** Lets the warning go out again once the room holds {@code occupancy}, no more than its capacity. */
    void rearmCapacityWarning(long tenantId, long activeGroupId, int occupancy);
}
