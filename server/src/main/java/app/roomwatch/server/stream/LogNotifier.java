package app.roomwatch.server.stream;

import app.roomwatch.server.event.EventLog;
import app.roomwatch.server.event.LogCommitListener;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Wakes the streams once events are committed: this instance's hub at once, on the committing thread, and the other
 * instances with a {@code NOTIFY roomwatch_events '<instance>'} that one thread sends for all commits of the last
 * {@value #COALESCE_MILLIS} ms together, in a transaction of its own that does not wait for its WAL flush (it
 * carries no data: the events are durable already, and a lost notice only delays other instances until their next
 * periodic read).
 */
@Component
class LogNotifier implements LogCommitListener, SmartLifecycle {

    static final int COALESCE_MILLIS = 2;

    private static final Logger log = LoggerFactory.getLogger(LogNotifier.class);

    private final String instance = UUID.randomUUID().toString();
    private final Semaphore pending = new Semaphore(0);
    private final StreamHub hub;
    private final JdbcClient jdbc;

    private volatile boolean running;
    private Thread thread;

    LogNotifier(StreamHub hub, JdbcClient jdbc) {
        this.hub = hub;
        this.jdbc = jdbc;
    }

    /** What this instance's notices carry, so that its own listener can skip them. */
    String instance() {
        return instance;
    }

    @Override
    public void logCommitted() {
        hub.wake();
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("stream-notifier").daemon().start(this::run);
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

    private void run() {
        while (running) {
            try {
                pending.acquire();
                pending.drainPermits();
                notifyOtherInstances();
                Thread.sleep(COALESCE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void notifyOtherInstances() throws InterruptedException {
        try {
            jdbc.sql("SELECT set_config('synchronous_commit', 'off', true), pg_notify(:channel, :instance)")
                    .param("channel", EventLog.CHANNEL)
                    .param("instance", instance)
                    .query((rs, n) -> 1)
                    .single();
        } catch (DataAccessException e) {
            if (running) {
                log.warn(
                        "Could not notify other instances of new events (they read them within their poll"
                                + " interval anyway): {}",
                        e.getMessage());
                Thread.sleep(Duration.ofSeconds(1));
            }
        }
    }
}
