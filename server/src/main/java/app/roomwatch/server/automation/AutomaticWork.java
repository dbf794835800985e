package app.roomwatch.server.automation;

import app.roomwatch.model.event.DeviceStatus;
import app.roomwatch.model.event.DeviceStatusChanged;
import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.model.event.Topic;
import app.roomwatch.model.event.VisitSource;
import app.roomwatch.server.RoomwatchProperties;
import app.roomwatch.server.activity.ActiveGroups;
import app.roomwatch.server.event.EventLog;
import app.roomwatch.server.notification.Notice;
import app.roomwatch.server.notification.Notifications;
import app.roomwatch.server.visit.Visits;
import app.roomwatch.server.web.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens without anyone asking, judged by the application clock: due scheduled checkouts, activities idle
 * past their timeout, rooms over capacity and scanners gone silent. Each item is its own transaction, so one
 * failure does not hold back the rest, and several instances can run it at once (rows are claimed with
 * {@code SKIP LOCKED} or a guarded update). {@link #runOnce()} is the entry point; a scheduler calls it.
 */
@Service
public class AutomaticWork {

    private static final Logger log = LoggerFactory.getLogger(AutomaticWork.class);
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Visits visits;
    private final ActiveGroups activeGroups;
    private final Notifications notifications;
    private final EventLog events;
    private final Clock clock;
    private final RoomwatchProperties.Automation settings;

    AutomaticWork(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Visits visits,
            ActiveGroups activeGroups,
            Notifications notifications,
            EventLog events,
            Clock clock,
            RoomwatchProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.visits = visits;
        this.activeGroups = activeGroups;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
        this.settings = properties.automation();
    }

    /** Does everything that is due now. */
    public void runOnce() {
        int checkouts = executeDueCheckouts();
        int ended = endIdleActivities();
        int crowded = warnOverCapacity();
        int silent = markSilentScanners();
        if (checkouts + ended + crowded + silent > 0) {
            log.info(
                    "Automatic work: {} scheduled checkouts, {} idle activities ended, {} capacity warnings,"
                            + " {} silent scanners",
                    checkouts,
                    ended,
                    crowded,
                    silent);
        }
    }

    int executeDueCheckouts() {
        int done = 0;
        while (true) {
            Boolean found = transactions.execute(status -> {
                record Due(long id, long tenant, long student) {}
                var due = jdbc.sql("""
                                SELECT id, tenant_id, student_id FROM scheduled_checkout
                                WHERE status = 'pending' AND due_at <= :now
                                ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
                                """)
                        .param("now", Timestamp.from(clock.instant()))
                        .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                        .optional();
                if (due.isEmpty()) {
                    return false;
                }
                Due item = due.get();
                checkOutBySchedule(item.tenant(), item.student());
                jdbc.sql("UPDATE scheduled_checkout SET status = 'executed' WHERE id = :id")
                        .param("id", item.id())
                        .update();
                return true;
            });
            if (!Boolean.TRUE.equals(found) || ++done >= BATCH) {
                return done;
            }
        }
    }

    private void checkOutBySchedule(long tenant, long studentId) {
        Visits.Student student = visits.lockStudent(tenant, studentId).orElseThrow();
        var open = visits.openVisitOf(tenant, studentId);
        if (open.isEmpty()) {
            return;
        }
        visits.lockGroups(tenant, open.get().activeGroupId());
        var visit = visits.openVisitOf(tenant, studentId);
        if (visit.isEmpty()) {
            return;
        }
        visits.checkOut(tenant, student, visit.get(), VisitSource.SCHEDULED, clock.instant());
        notifications.notify(
                tenant,
                notifications.supervisorsOf(tenant, visit.get().activeGroupId()),
                NotificationPriority.INFO,
                Notice.of("scheduled-checkout", student.shortName()),
                "scheduled-checkout:active-group:" + visit.get().activeGroupId());
    }

    int endIdleActivities() {
        record Idle(long tenant, long id) {}
        List<Idle> idle = jdbc.sql("""
                        SELECT tenant_id, id FROM active_group
                        WHERE ended_at IS NULL
                          AND last_activity_at + make_interval(secs => inactivity_timeout_secs) <= :now
                        ORDER BY id LIMIT :batch
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("batch", BATCH)
                .query((rs, n) -> new Idle(rs.getLong(1), rs.getLong(2)))
                .list();
        int ended = 0;
        for (Idle group : idle) {
            Boolean done = transactions.execute(status -> {
                visits.lockGroups(group.tenant(), group.id());
                // Another instance, a scan or a supervisor may have got there first.
                Boolean stillIdle = jdbc.sql("""
                                SELECT ended_at IS NULL
                                   AND last_activity_at + make_interval(secs => inactivity_timeout_secs) <= :now
                                FROM active_group WHERE id = :id
                                """)
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", group.id())
                        .query(Boolean.class)
                        .single();
                if (stillIdle) {
                    activeGroups.end(group.tenant(), group.id());
                }
                return stillIdle;
            });
            ended += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return ended;
    }

    int warnOverCapacity() {
        record Crowded(long tenant, long id) {}
        List<Crowded> crowded = jdbc.sql("""
                        SELECT g.tenant_id, g.id FROM active_group g JOIN room r ON r.id = g.room_id
                        WHERE g.ended_at IS NULL AND NOT g.over_capacity_notified
                          AND (SELECT count(*) FROM visit v WHERE v.active_group_id = g.id AND v.exited_at IS NULL)
                              > r.capacity
                        LIMIT :batch
                        """)
                .param("batch", BATCH)
                .query((rs, n) -> new Crowded(rs.getLong(1), rs.getLong(2)))
                .list();
        for (Crowded group : crowded) {
            transactions.executeWithoutResult(status -> {
                visits.lockRunningGroup(group.tenant(), group.id())
                        .ifPresent(running -> visits.warnIfOverCapacity(
                                group.tenant(), running, visits.occupancy(group.tenant(), group.id())));
            });
        }
        return crowded.size();
    }

    int markSilentScanners() {
        Instant silentSince = clock.instant().minus(settings.silentDeviceAfter());
        int marked = 0;
        while (marked < BATCH) {
            Boolean found = transactions.execute(status -> {
                record Silent(long id, long tenant, long room, String name, String roomName) {}
                var silent = jdbc.sql("""
                                UPDATE device d SET status = 'silent' FROM room r
                                WHERE d.id = (SELECT id FROM device
                                              WHERE status = 'online' AND coalesce(last_seen_at, created_at) <= :since
                                              ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
                                  AND r.id = d.room_id
                                RETURNING d.id, d.tenant_id, d.room_id, d.name, r.name
                                """)
                        .param("since", Timestamp.from(silentSince))
                        .query((rs, n) -> new Silent(
                                rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
                        .optional();
                if (silent.isEmpty()) {
                    return false;
                }
                Silent device = silent.get();
                events.append(
                        device.tenant(),
                        Topic.TENANT,
                        new DeviceStatusChanged(Ids.of(device.id()), Ids.of(device.room()), DeviceStatus.SILENT));
                notifications.notify(
                        device.tenant(),
                        notifications.responsibleForRoom(device.tenant(), device.room()),
                        NotificationPriority.INFO,
                        Notice.of(
                                "scanner-silent",
                                device.roomName(),
                                device.name(),
                                settings.silentDeviceAfter().toMinutes()),
                        "device-silent:device:" + device.id());
                return true;
            });
            if (!Boolean.TRUE.equals(found)) {
                break;
            }
            marked++;
        }
        return marked;
    }
}
