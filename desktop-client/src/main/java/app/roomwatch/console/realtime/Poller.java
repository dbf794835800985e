package app.roomwatch.console.realtime;

import app.roomwatch.console.api.ApiException;
import app.roomwatch.console.api.StaffSession;
import app.roomwatch.console.time.Scheduler;
import app.roomwatch.console.time.Scheduler.Cancellable;
import app.roomwatch.model.event.EventPage;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The fallback while the stream is unavailable: asks {@code GET /api/events?after=} every poll interval, at once
 * again after a full page, and hands each page to the client. Confined to the client's actor: the requests run on
 * the I/O executor and post their answers back; a stopped poller's late answers are dropped.
 */
final class Poller {

    private static final System.Logger LOG = System.getLogger(Poller.class.getName());

    /** The client's side; called on the actor. */
    interface Sink {
        String cursor();

        void page(EventPage page);

        /** A poll failed; the next one follows after the poll interval. */
        void failed(String why);

        void sessionExpired();
    }

    private final StaffSession session;
    private final RealtimeSettings settings;
    private final Scheduler timers;
    private final Executor actor;
    private final Executor io;
    private final Sink sink;

    private boolean active;
    private long generation;
    private Cancellable timer;

    /** @param timers runs its tasks on {@code actor} */
    Poller(StaffSession session, RealtimeSettings settings, Scheduler timers, Executor actor, Executor io, Sink sink) {
        this.session = session;
        this.settings = settings;
        this.timers = timers;
        this.actor = actor;
        this.io = io;
        this.sink = sink;
    }

    boolean active() {
        return active;
    }

    /** Polls now and then every interval, until {@link #stop()}. */
    void start() {
        if (!active) {
            active = true;
            generation++;
            schedule(Duration.ZERO);
        }
    }

    void stop() {
        if (active) {
            active = false;
            generation++;
            timer.cancel();
        }
    }

    private void schedule(Duration delay) {
        long scheduled = generation;
        timer = timers.schedule(delay, () -> poll(scheduled));
    }

    private boolean current(long polled) {
        return active && polled == generation;
    }

    private void poll(long polled) {
        if (!current(polled)) {
            return;
        }
        String after = sink.cursor();
        io.execute(() -> fetch(polled, after));
    }

    /** On the I/O executor: one page, or why there is none, posted back to the actor. */
    private void fetch(long polled, String after) {
        try {
            var url = session.api().url("/api/events").newBuilder();
            if (after != null) {
                url.addQueryParameter("after", after);
            }
            url.addQueryParameter("limit", Integer.toString(settings.pollPageSize()));
            EventPage page = session.get(url.build(), EventPage.class);
            actor.execute(() -> received(polled, page));
        } catch (ApiException e) {
            if (e.isUnauthorized()) {
                actor.execute(() -> {
                    if (current(polled)) {
                        sink.sessionExpired();
                    }
                });
            } else {
                actor.execute(() -> failed(polled, e));
            }
        } catch (IOException | RuntimeException e) {
            actor.execute(() -> failed(polled, e));
        }
    }

    private void received(long polled, EventPage page) {
        if (!current(polled)) {
            return;
        }
        sink.page(page);
        if (page.events().size() < settings.pollPageSize()) {
            schedule(settings.pollInterval());
        } else {
            // A full page: more are waiting, so ask again at once.
            poll(polled);
        }
    }

    private void failed(long polled, Exception e) {
        if (!current(polled)) {
            return;
        }
        LOG.log(
                Level.INFO,
                "Polling for events failed ({0}); next poll in {1}",
                e.getMessage(),
                settings.pollInterval());
        sink.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        schedule(settings.pollInterval());
    }
}
