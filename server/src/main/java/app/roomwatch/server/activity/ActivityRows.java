package app.roomwatch.server.activity;

import app.roomwatch.server.visit.ActivityMarks;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The marks check-ins and -outs leave on an activity's row, for the visit feature. */
@Component
class ActivityRows implements ActivityMarks {

    private final ActivityQueries queries;

    ActivityRows(ActivityQueries queries) {
        this.queries = queries;
    }

    @Override
    public void touch(long tenantId, long activeGroupId, Instant at, Duration granularity) {
        queries.touch(tenantId, activeGroupId, at, granularity);
    }

    @Override
    public boolean armCapacityWarning(long tenantId, long activeGroupId) {
        return queries.armCapacityWarning(tenantId, activeGroupId);
    }

    @Override
    public void rearmCapacityWarning(long tenantId, long activeGroupId, int occupancy) {
        queries.rearmCapacityWarning(tenantId, activeGroupId, occupancy);
    }
}
