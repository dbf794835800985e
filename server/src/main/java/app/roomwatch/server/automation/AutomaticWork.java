package app.roomwatch.server.automation;

import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.model.event.VisitSource;
import app.roomwatch.server.RoomwatchProperties;
import app.roomwatch.server.activity.ActiveGroups;
import app.roomwatch.server.device.Devices;
import app.roomwatch.server.notification.Notice;
import app.roomwatch.server.notification.Notifications;
import app.roomwatch.server.visit.Visits;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final ScheduledCheckoutQueries checkouts;
    private final TransactionTemplate transactions;
    private final Visits visits;
    private final ActiveGroups activeGroups;
    private final Notifications notifications;
    private final Devices devices;
    private final Clock clock;
    private final RoomwatchProperties.Automation settings;

    AutomaticWork(
            ScheduledCheckoutQueries checkouts,
            TransactionTemplate transactions,
            Visits visits,
            ActiveGroups activeGroups,
            Notifications notifications,
            Devices devices,
            Clock clock,
            RoomwatchProperties properties) {
        this.checkouts = checkouts;
        this.transactions = transactions;
        this.visits = visits;
        this.activeGroups = activeGroups;
        this.notifications = notifications;
        this.devices = devices;
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
                var due = checkouts.claimDue(clock.instant());
                if (due.isEmpty()) {
                    return false;
                }
                ScheduledCheckoutQueries.Due item = due.get();
                checkOutBySchedule(item.tenant(), item.student());
                checkouts.setStatus(item.id(), "executed");
                return true;
            });
            if (!Boolean.TRUE.equals(found) || ++done >= BATCH) {
                return done;
            }
        }
    }

    private void checkOutBySchedule(long tenant, long studentId) {
        Visits.Change change = visits.checkOut(
                tenant,
                Visits.Child.id(studentId),
                Visits.Place.whereverTheChildIs(),
                VisitSource.SCHEDULED,
                clock.instant());
        if (change.outcome() != Visits.Outcome.CHECKED_OUT) {
            return;
        }
        long activeGroupId = change.visit().activeGroupId();
        notifications.notify(
                tenant,
                notifications.supervisorsOf(tenant, activeGroupId),
                NotificationPriority.INFO,
                Notice.of("scheduled-checkout", change.student().shortName()),
                "scheduled-checkout:active-group:" + activeGroupId);
    }

    int endIdleActivities() {
        int ended = 0;
        for (ActiveGroups.Ref group : activeGroups.idle(BATCH)) {
            Boolean done = transactions.execute(status -> activeGroups.endIfIdle(group.tenant(), group.id()));
            ended += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return ended;
    }

    int warnOverCapacity() {
        List<ActiveGroups.Ref> crowded = activeGroups.overCapacity(BATCH);
        for (ActiveGroups.Ref group : crowded) {
            transactions.executeWithoutResult(status -> visits.warnIfOverCapacity(group.tenant(), group.id()));
        }
        return crowded.size();
    }

    int markSilentScanners() {
        Instant silentSince = clock.instant().minus(settings.silentDeviceAfter());
        int marked = 0;
        while (marked < BATCH) {
            Boolean found = transactions.execute(status -> {
                var silent = devices.markOneSilent(silentSince);
                if (silent.isEmpty()) {
                    return false;
                }
                Devices.Silent device = silent.get();
                notifications.notify(
                        device.tenantId(),
                        notifications.responsibleForRoom(device.tenantId(), device.roomId()),
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
