package app.roomwatch.console.realtime;

import app.roomwatch.console.api.StaffSession;
import app.roomwatch.console.time.Scheduler;
import app.roomwatch.console.time.SystemScheduler;
import app.roomwatch.model.event.EventEnvelope;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * The {@link RealtimeClient} on the server's SSE stream ({@code GET /api/sse/events}): resumes with
 * {@code Last-Event-ID} after every break, backs off between tries, treats a silent stream as dead, and polls
 * {@code GET /api/events} while the stream is unavailable, so that nothing is missed in any mode. See
 * {@code docs/console.md}, "Realtime client".
 */
public final class SseRealtimeClient implements RealtimeClient {

    private static final System.Logger LOG = System.getLogger(SseRealtimeClient.class.getName());

    private final SerialExecutor actor = new SerialExecutor();
    private final Listeners listeners = new Listeners();
    private final StreamSupervisor supervisor;
    private final AutoCloseable resources;
    private volatile boolean closed;

    /**
     * A client with its own timer and I/O threads, released by {@link #close()}.
     *
     * @param dataDir the console's data folder, where the cursor file is kept
     */
    public static SseRealtimeClient create(StaffSession session, Path dataDir, RealtimeSettings settings) {
        SystemScheduler scheduler = new SystemScheduler("roomwatch-realtime-timer");
        ExecutorService io = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("roomwatch-realtime-io-", 0).factory());
        return new SseRealtimeClient(
                session, dataDir, settings, scheduler, io, ThreadLocalRandom.current()::nextDouble, () -> {
                    scheduler.close();
                    io.shutdownNow();
                });
    }

    /**
     * @param scheduler the clock and timers; its tasks only post to the client's actor
     * @param io runs blocking calls (polls, token renewals); may run many at once
     * @param random numbers in {@code [0, 1)} for the backoff's jitter
     * @param resources closed by {@link #close()}
     */
    SseRealtimeClient(
            StaffSession session,
            Path dataDir,
            RealtimeSettings settings,
            Scheduler scheduler,
            Executor io,
            DoubleSupplier random,
            AutoCloseable resources) {
        this.supervisor = new StreamSupervisor(session, dataDir, settings, scheduler, actor, listeners, io, random);
        this.resources = resources;
    }

    @Override
    public void connect() {
        if (closed) {
            throw new IllegalStateException("This realtime client is closed");
        }
        actor.execute(supervisor::start);
    }

    @Override
    public void disconnect() {
        actor.execute(() -> supervisor.stop("Disconnected"));
    }

    /** Disconnects, saving the cursor, and waits for it before releasing the threads. */
    @Override
    public void close() {
        closed = true;
        actor.executeAndWait(supervisor::release);
        try {
            resources.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not release the realtime client's threads", e);
        }
    }

    @Override
    public Subscription subscribe(String eventType, Consumer<EventEnvelope> listener) {
        return listeners.onEvent(eventType, listener);
    }

    @Override
    public Subscription subscribeAll(Consumer<EventEnvelope> listener) {
        return listeners.onEveryEvent(listener);
    }

    @Override
    public Subscription onReload(Consumer<String> listener) {
        return listeners.onReload(listener);
    }

    /** The listener hears the current state and every change from the actor, so none slips between the two. */
    @Override
    public Subscription onStateChange(Consumer<ConnectionState> listener) {
        var subscription = new CompletableFuture<Subscription>();
        actor.execute(() -> subscription.complete(supervisor.onStateChange(listener)));
        return () -> actor.execute(() -> subscription.thenAccept(Subscription::close));
    }

    @Override
    public ConnectionState state() {
        return supervisor.state();
    }

    /** Where the cursor is kept; one file per server, tenant and staff member. */
    Path cursorFile() {
        return supervisor.cursorFile();
    }
}
