package app.roomwatch.server.stream;

import app.roomwatch.model.event.ActivityEnded;
import app.roomwatch.model.event.ActivityStarted;
import app.roomwatch.model.event.SupervisionChanged;
import app.roomwatch.model.event.Topic;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves live connections' scopes at the point of the log where supervision changes, and remembers where each staff
 * member's scope last changed, so that a joining connection can tell whether the scope it read is stale. Guarded
 * by the hub's lock.
 */
final class ScopeChanges {

    private static final String STAFF_PREFIX = Topic.staff("");

    /** "tenant:staff" to the cursor of the last event that changed that staff member's scope. */
    private final Map<String, Cursor> lastChange = new HashMap<>();

    /** Changes up to here are forgotten: a scope read before it counts as possibly stale, for anyone. */
    private Cursor forgottenUpTo = Cursor.START;

    boolean changedAfter(long tenantId, String staffId, Cursor seen) {
        if (forgottenUpTo.isAfter(seen)) {
            return true;
        }
        Cursor changed = lastChange.get(tenantId + ":" + staffId);
        return changed != null && changed.isAfter(seen);
    }

    /**
     * Forgets the changes at or before {@code floor}, so that this map does not keep one entry per staff member
     * forever. Only a connection that read its scope before {@code floor} could still need them, and such a rare,
     * slow connect is told to read its scope again instead (see {@link #changedAfter}).
     */
    void forgetUpTo(Cursor floor) {
        lastChange.values().removeIf(changed -> !changed.isAfter(floor));
        if (floor.isAfter(forgottenUpTo)) {
            forgottenUpTo = floor;
        }
    }

    /** Staff members whose last scope change is remembered. */
    int remembered() {
        return lastChange.size();
    }

    /**
     * Applies what {@code event} says about supervision: {@code supervision_changed} replaces a staff member's
     * groups, {@code activity_start} adds the new group to its supervisors, {@code activity_end} removes it.
     *
     * @param index the tenant's open connections, or null when it has none here
     */
    void follow(StoredEvent event, TenantIndex index) {
        long tenant = event.tenantId();
        switch (event.envelope().data()) {
            case SupervisionChanged changed
            when event.topic().startsWith(STAFF_PREFIX) -> {
                String staffId = event.topic().substring(STAFF_PREFIX.length());
                lastChange.put(tenant + ":" + staffId, event.cursor());
                if (index != null) {
                    Set<String> groups = Set.copyOf(changed.activeGroupIds());
                    List.copyOf(index.ofStaff(staffId)).forEach(c -> index.rescope(c, groups));
                }
            }
            case ActivityStarted started -> {
                for (String staffId : started.supervisorIds()) {
                    lastChange.put(tenant + ":" + staffId, event.cursor());
                    if (index != null) {
                        for (StreamConnection connection : List.copyOf(index.ofStaff(staffId))) {
                            var groups = new HashSet<>(connection.scope().activeGroupIds());
                            groups.add(started.activeGroupId());
                            index.rescope(connection, groups);
                        }
                    }
                }
            }
            case ActivityEnded ended when index != null -> index.forgetGroup(ended.activeGroupId());
            default -> {}
        }
    }
}
