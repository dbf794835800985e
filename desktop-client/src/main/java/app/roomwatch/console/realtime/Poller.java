package app.roomwatch.console.realtime;

import app.roomwatch.console.api.ApiException;
import app.roomwatch.console.api.StaffSession;
import app.roomwatch.console.realtime.Scheduler.Timer;
import app.roomwatch.model.event.EventPage;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The fallback while the stream is unavailable: asks {@code GET /api/events?after=} every poll interval, at once
 * again after a full page, and hands each page to the client. Guarded by the client's lock; a stopped poller's
 * late answers are dropped.
 */
final class Poller {

    private static final System.Logger LOG = System.getLogger(Poller.class.getName());

    /** The client's side; called with the lock held. */
    interface Sink {
        String cursor();

        void page(EventPage page);

        /** A poll failed; the next one follows after the poll interval. */
        void failed(String why);

        void sessionExpired();
    }

    private final StaffSession session;
    private final RealtimeSettings settings;
    private final Scheduler scheduler;
    private final Executor io;
    private final Object lock;
    private final Sink sink;

    private boolean active;
    private long generation;
    private Timer timer;

    Poller(StaffSession session, RealtimeSettings settings, Scheduler scheduler, Executor io, Object lock, Sink sink) {
        this.session = session;
        this.settings = settings;
        this.scheduler = scheduler;
        this.io = io;
        this.lock = lock;
        this.sink = sink;
    }

    boolean active() {
        synchronized (lock) {
            return active;
        }
    }

    /** Polls now and then every interval, until {@link #stop()}. */
    void start() {
        synchronized (lock) {
            if (!active) {
                active = true;
                generation++;
                schedule(Duration.ZERO);
            }
        }
    }

    void stop() {
        synchronized (lock) {
            if (active) {
                active = false;
                generation++;
                timer.cancel();
            }
        }
    }

    private void schedule(Duration delay) {
        long scheduled = generation;
        timer = scheduler.schedule(delay, () -> io.execute(() -> poll(scheduled)));
    }

    private boolean current(long polled) {
        return active && polled == generation;
    }

    private void poll(long polled) {
        String after;
        synchronized (lock) {
            if (!current(polled)) {
                return;
            }
            after = sink.cursor();
        }
        try {
            while (true) {
                var url = session.api().url("/api/events").newBuilder();
                if (after != null) {
                    url.addQueryParameter("after", after);
                }
                url.addQueryParameter("limit", Integer.toString(settings.pollPageSize()));
                EventPage page = session.get(url.build(), EventPage.class);
                synchronized (lock) {
                    if (!current(polled)) {
                        return;
                    }
                    sink.page(page);
                    if (page.events().size() < settings.pollPageSize()) {
                        schedule(settings.pollInterval());
                        return;
                    }
                    after = sink.cursor();
                }
            }
        } catch (ApiException e) {
            if (e.isUnauthorized()) {
                synchronized (lock) {
                    if (current(polled)) {
                        sink.sessionExpired();
                    }
                }
                return;
            }
            failed(polled, e);
        } catch (IOException | RuntimeException e) {
            failed(polled, e);
        }
    }

    private void failed(long polled, Exception e) {
        LOG.log(
                Level.INFO,
                "Polling for events failed ({0}); next poll in {1}",
                e.getMessage(),
                settings.pollInterval());
        synchronized (lock) {
            if (current(polled)) {
                sink.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                schedule(settings.pollInterval());
            }
        }
    }
}
