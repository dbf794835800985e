package app.roomwatch.server.stream;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes events older than the retention window, oldest first in cursor order and in small transactions, always
 * keeping the newest event: what is left is a suffix of the log, so a cursor can be resumed exactly when its own
 * event is still there ({@link EventLogReader#canResume}).
 */
@Component
class EventPruner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventPruner.class);

    private final JdbcClient jdbc;
    private final StreamSettings settings;
    private final Clock clock;
    private volatile boolean running;
    private Thread thread;

    EventPruner(JdbcClient jdbc, StreamSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Deletes what is older than the retention window; returns how many events went. */
    int prune() {
        return pruneBefore(clock.instant().minus(settings.retention()));
    }

    /** Deletes, batch by batch, the oldest events emitted before {@code cutoff}, stopping at the first younger one. */
    int pruneBefore(Instant cutoff) {
        int total = 0;
        while (true) {
            List<Long> ids = jdbc.sql("""
                            WITH oldest AS (
                                SELECT id, tx_id, emitted_at < :cutoff AS old
                                FROM event
                                WHERE tx_id < pg_snapshot_xmin(pg_current_snapshot())
                                  AND (tx_id, id) < (SELECT tx_id, id FROM event ORDER BY tx_id DESC, id DESC LIMIT 1)
                                ORDER BY tx_id, id
                                LIMIT :batch)
                            SELECT id FROM oldest o
                            WHERE NOT EXISTS (
                                SELECT 1 FROM oldest y WHERE NOT y.old AND (y.tx_id, y.id) <= (o.tx_id, o.id))
                            """)
                    .param("cutoff", Timestamp.from(cutoff))
                    .param("batch", settings.pruneBatch())
                    .query(Long.class)
                    .list();
            if (ids.isEmpty()) {
                return total;
            }
            total += jdbc.sql("DELETE FROM event WHERE id = ANY(:ids)")
                    .param("ids", ids.toArray(Long[]::new))
                    .update();
            if (ids.size() < settings.pruneBatch()) {
                return total;
            }
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("stream-pruner").daemon().start(() -> {
            while (running) {
                try {
                    Thread.sleep(settings.pruneInterval());
                    int pruned = prune();
                    if (pruned > 0) {
                        log.info("Pruned {} events older than {}", pruned, settings.retention());
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("Could not prune the event log: {}", e.toString());
                }
            }
        });
    }

    @Override
    public void stop() {
        running = false;
        thread.interrupt();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
