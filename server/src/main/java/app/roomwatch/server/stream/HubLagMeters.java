package app.roomwatch.server.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How far this instance's hub is behind the log: committed events it has not handed out yet, and the age of the
 * oldest of them. Both grow when the hub is slow, and also when the read fence is held back by a long or idle open
 * transaction on the database (events are committed but can not be delivered yet), which is why they are measured
 * against the log itself rather than against what the hub read.
 */
@Component
class HubLagMeters {

    /** Counting stops here: a backlog this long is an alarm however long it is, and the count stays cheap. */
    static final int CAP = 100_000;

    /** One query per scrape, shared by both gauges. */
    private static final long FRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private static final Logger log = LoggerFactory.getLogger(HubLagMeters.class);

    private final StreamHub hub;
    private final EventLogReader reader;
    private final Clock clock;

    private EventLogReader.Backlog last;
    private long lastReadAt;

    HubLagMeters(MeterRegistry registry, StreamHub hub, EventLogReader reader, Clock clock) {
        this.hub = hub;
        this.reader = reader;
        this.clock = clock;
        Gauge.builder("roomwatch.stream.hub.behind.events", this, HubLagMeters::events)
                .description("Committed events in the log this instance's hub has not handed out yet (capped at " + CAP
                        + ")")
                .register(registry);
        Gauge.builder("roomwatch.stream.hub.behind.seconds", this, HubLagMeters::seconds)
                .description("Age of the oldest committed event this instance's hub has not handed out yet, 0 if none")
                .register(registry);
    }

    double events() {
        EventLogReader.Backlog backlog = backlog();
        return backlog == null ? Double.NaN : backlog.events();
    }

    double seconds() {
        EventLogReader.Backlog backlog = backlog();
        if (backlog == null) {
            return Double.NaN;
        }
        if (backlog.oldestEmittedAt() == null) {
            return 0;
        }
        return Math.max(
                0, Duration.between(backlog.oldestEmittedAt(), clock.instant()).toMillis() / 1000.0);
    }

    private synchronized EventLogReader.Backlog backlog() {
        long now = System.nanoTime();
        if (last == null || now - lastReadAt > FRESH_NANOS) {
            try {
                last = reader.backlogAfter(hub.position(), CAP);
            } catch (RuntimeException e) {
                // The database is away: the gauges say "unknown" rather than a stale number.
                log.debug("Could not measure the hub's backlog: {}", e.toString());
                last = null;
            }
            lastReadAt = now;
        }
        return last;
    }
}
