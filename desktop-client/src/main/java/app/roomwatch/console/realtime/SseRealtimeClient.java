package app.roomwatch.console.realtime;

import app.roomwatch.console.api.ApiException;
import app.roomwatch.console.api.StaffSession;
import app.roomwatch.console.realtime.ConnectionState.Mode;
import app.roomwatch.console.realtime.Scheduler.Timer;
import app.roomwatch.model.api.TokenResponse;
import app.roomwatch.model.event.Connected;
import app.roomwatch.model.event.EventEnvelope;
import app.roomwatch.model.event.EventPage;
import app.roomwatch.model.event.Ping;
import app.roomwatch.model.event.Reset;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.core.JacksonException;

/**
 * The {@link RealtimeClient} on the server's SSE stream: resumes with {@code Last-Event-ID} after every break,
 * backs off between tries, treats a silent stream as dead, and polls {@code GET /api/events} while the stream is
 * unavailable, so that nothing is missed in any mode. All state is guarded by the instance's lock; OkHttp's
 * threads and the scheduler's timers only hand it what they saw.
 */
public final class SseRealtimeClient implements RealtimeClient {

    private static final System.Logger LOG = System.getLogger(SseRealtimeClient.class.getName());
    private static final Duration STATE_REFRESH = Duration.ofSeconds(1);
    static final String EXPIRED = "Your sign-in has expired; sign in again to receive updates";

    private final StaffSession session;
    private final RealtimeSettings settings;
    private final Scheduler scheduler;
    private final Backoff backoff;
    private final CursorStore cursors;
    private final Listeners listeners;
    private final RecentIds seen = new RecentIds(10_000);
    private final OkHttpClient streamHttp;
    private final Poller poller;
    private final Executor io;
    private final AutoCloseable resources;
    private final StreamAttempt.Handler handler = new AttemptHandler();

    private boolean running;
    private boolean closed;
    private ConnectionState state = ConnectionState.notStarted();
    private Instant lastEventAt;
    private String cursor;
    private String savedCursor;
    private StreamAttempt attempt;
    private Timer retryTimer;
    private Timer watchdogTimer;
    private Timer stableTimer;
    private Timer saveTimer;
    /** Attempts in a row that never opened: three of them start polling. */
    private int failedAttempts;
    /** Retries since the stream last stayed open for the stable period: picks the wait. */
    private int backoffStep;
    /** A 401 was answered by renewing the token; another one before the stream opens is a failure. */
    private boolean renewedSinceOpen;
    /** An expired token is being renewed before the next attempt. */
    private boolean renewing;

    /**
     * A client with its own timer, delivery and I/O threads, released by {@link #close()}.
     *
     * @param dataDir the console's data folder, where the cursor file is kept
     */
    public static SseRealtimeClient create(StaffSession session, Path dataDir, RealtimeSettings settings) {
        SystemScheduler scheduler = Scheduler.system();
        ExecutorService delivery = Executors.newSingleThreadExecutor(Thread.ofPlatform()
                .name("roomwatch-realtime-delivery")
                .daemon(true)
                .factory());
        ExecutorService io = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("roomwatch-realtime-io-", 0).factory());
        return new SseRealtimeClient(
                session, dataDir, settings, scheduler, delivery, io, ThreadLocalRandom.current()::nextDouble, () -> {
                    scheduler.close();
                    delivery.shutdown();
                    io.shutdownNow();
                });
    }

    /**
     * @param delivery runs listener calls one at a time in order
     * @param io runs blocking calls (polls, token renewals); may run many at once
     * @param resources closed by {@link #close()}
     */
    SseRealtimeClient(
            StaffSession session,
            Path dataDir,
            RealtimeSettings settings,
            Scheduler scheduler,
            Executor delivery,
            Executor io,
            DoubleSupplier random,
            AutoCloseable resources) {
        this.session = session;
        this.settings = settings;
        this.scheduler = scheduler;
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffCap(), settings.jitter(), random);
        this.cursors = new CursorStore(dataDir.resolve("stream-cursor-" + identity(session) + ".txt"));
        this.listeners = new Listeners(delivery);
        // The watchdog, not a read timeout, decides when a quiet stream is dead. The stream keeps its own
        // connections: a REST call never waits for, or lands on, a connection a gateway treats as a stream.
        this.streamHttp = session.api()
                .http()
                .newBuilder()
                .connectionPool(new ConnectionPool())
                .readTimeout(Duration.ZERO)
                .callTimeout(Duration.ZERO)
                .build();
        this.io = io;
        this.poller = new Poller(session, settings, scheduler, io, this, new PollSink());
        this.resources = resources;
    }

    @Override
    public synchronized void connect() {
        if (closed) {
            throw new IllegalStateException("This realtime client is closed");
        }
        if (running) {
            return;
        }
        running = true;
        failedAttempts = 0;
        backoffStep = 0;
        renewedSinceOpen = false;
        if (cursor == null) {
            cursor = cursors.load().orElse(null);
            savedCursor = cursor;
        }
        startAttempt();
    }

    @Override
    public synchronized void disconnect() {
        if (running) {
            halt("Disconnected");
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            disconnect();
            closed = true;
        }
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
    public Subscription onReload(Consumer<String> listener) {
        return listeners.onReload(listener);
    }

    @Override
    public synchronized Subscription onStateChange(Consumer<ConnectionState> listener) {
        return listeners.onState(listener, state);
    }

    @Override
    public synchronized ConnectionState state() {
        return state;
    }

    /** Where the cursor is kept; one file per server, tenant and staff member. */
    Path cursorFile() {
        return cursors.file();
    }

    private void startAttempt() {
        cancel(retryTimer);
        if (!poller.active()) {
            setState(Mode.CONNECTING, "Connecting to the server", null);
        }
        if (session.accessTokenExpired()) {
            if (!renewing) {
                renewing = true;
                io.execute(this::renewThenOpen);
            }
            return;
        }
        openStream();
    }

    /** Renews an expired token before reconnecting (a blocking call, outside the lock). */
    private void renewThenOpen() {
        try {
            session.renewAccessToken(session.accessToken());
        } catch (ApiException e) {
            if (e.status() == 400 || e.status() == 401) {
                synchronized (this) {
                    renewing = false;
                    if (running) {
                        halt(EXPIRED);
                    }
                }
                return;
            }
            // Otherwise the server is in trouble: the stream attempt will say so and back off.
        } catch (IOException e) {
            // The same: let the attempt fail and back off, rather than retrying the renewal at once.
        }
        synchronized (this) {
            renewing = false;
            if (running && attempt == null) {
                openStream();
            }
        }
    }

    private void openStream() {
        var request =
                new Request.Builder().url(session.api().url("/api/sse/events")).header("Accept", "text/event-stream");
        String token = session.accessToken();
        request.header("Authorization", TokenResponse.BEARER + " " + token);
        if (cursor != null) {
            request.header("Last-Event-ID", cursor);
        }
        var next = new StreamAttempt(streamHttp, request.build(), token, scheduler::now);
        attempt = next;
        cancel(watchdogTimer);
        watchdogTimer = scheduler.schedule(settings.watchdogTimeout(), () -> watch(next));
        next.start(handler);
    }

    /** Drops {@code lost}, the current attempt, and plans the next one. */
    private void retryAfterLoss(StreamAttempt lost, String why) {
        if (!lost.wasOpened()) {
            failedAttempts++;
        }
        retryLater(lost, backoff.delay(++backoffStep), capitalized(why) + "; trying again");
    }

    private void retryLater(StreamAttempt lost, Duration delay, String reason) {
        attempt = null;
        lost.cancel();
        cancel(watchdogTimer);
        cancel(stableTimer);
        retryTimer = scheduler.schedule(delay, this::retryNow);
        Instant nextTry = scheduler.now().plus(delay);
        LOG.log(Level.INFO, "Realtime stream unavailable ({0}); next try in {1} ms", reason, delay.toMillis());
        if (failedAttempts >= settings.failuresBeforePolling() && !poller.active()) {
            LOG.log(Level.WARNING, "{0} failed attempts in a row: polling for events", failedAttempts);
            poller.start();
        }
        if (poller.active()) {
            setState(Mode.POLLING, ConnectionState.POLLING_MESSAGE, nextTry);
        } else {
            setState(Mode.CONNECTING, reason, nextTry);
        }
    }

    private synchronized void retryNow() {
        if (running && attempt == null && !renewing) {
            startAttempt();
        }
    }

    private synchronized void watch(StreamAttempt watched) {
        if (watched != attempt) {
            return;
        }
        Duration silence = Duration.between(watched.lastByteAt(), scheduler.now());
        if (silence.compareTo(settings.watchdogTimeout()) >= 0) {
            retryAfterLoss(watched, "no data for " + silence.toSeconds() + " s, the connection is stale");
        } else {
            watchdogTimer = scheduler.schedule(settings.watchdogTimeout().minus(silence), () -> watch(watched));
        }
    }

    private synchronized void becameStable(StreamAttempt stable) {
        if (stable == attempt) {
            backoffStep = 0;
        }
    }

    /** Stops for good (until {@link #connect()}), saying why. */
    private void halt(String reason) {
        running = false;
        if (attempt != null) {
            attempt.cancel();
            attempt = null;
        }
        cancel(retryTimer);
        cancel(watchdogTimer);
        cancel(stableTimer);
        poller.stop();
        saveCursor();
        setState(Mode.OFFLINE, reason, null);
    }

    /** Delivers an event unless it was delivered before, and moves the cursor past it. */
    private void accept(EventEnvelope event) {
        if (!seen.firstTime(event.id())) {
            return;
        }
        moveCursor(event.id());
        lastEventAt = scheduler.now();
        listeners.event(event);
        // Many events a second must not mean as many status-light updates.
        if (state.lastEventAt() == null
                || Duration.between(state.lastEventAt(), lastEventAt).compareTo(STATE_REFRESH) >= 0) {
            setState(state.mode(), state.reason(), state.nextTryAt());
        }
    }

    private void moveCursor(String next) {
        cursor = next;
        if (saveTimer == null) {
            saveTimer = scheduler.schedule(settings.cursorSaveDelay(), this::saveCursorNow);
        }
    }

    private synchronized void saveCursorNow() {
        saveCursor();
    }

    private void saveCursor() {
        cancel(saveTimer);
        saveTimer = null;
        if (cursor == null || cursor.equals(savedCursor)) {
            return;
        }
        try {
            cursors.save(cursor);
            savedCursor = cursor;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not save the stream cursor; a restart will start from now", e);
        }
    }

    private void setState(Mode mode, String reason, Instant nextTryAt) {
        var next = new ConnectionState(mode, reason, lastEventAt, nextTryAt);
        if (next.equals(state)) {
            return;
        }
        if (next.mode() != state.mode() || !next.reason().equals(state.reason())) {
            LOG.log(Level.INFO, "Realtime {0}: {1}", mode, reason);
        }
        state = next;
        listeners.state(next);
    }

    private <T> T read(String data, Class<T> type) {
        return session.api().json().readValue(data, type);
    }

    private static void cancel(Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String identity(StaffSession session) {
        String key = session.api().baseUrl() + "\n" + session.tenant() + "\n"
                + session.staff().id();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** What the stream attempts report, checked against the current attempt so late news of old ones is dropped. */
    private final class AttemptHandler implements StreamAttempt.Handler {

        @Override
        public void opened(StreamAttempt opened) {
            synchronized (SseRealtimeClient.this) {
                if (opened != attempt) {
                    return;
                }
                failedAttempts = 0;
                renewedSinceOpen = false;
                poller.stop();
                setState(Mode.LIVE, "Receiving live updates", null);
                stableTimer = scheduler.schedule(settings.stablePeriod(), () -> becameStable(opened));
            }
        }

        @Override
        public void frame(StreamAttempt from, String id, String type, String data) {
            synchronized (SseRealtimeClient.this) {
                if (from != attempt) {
                    return;
                }
                try {
                    switch (type) {
                        case Connected.NAME ->
                            moveCursor(read(data, Connected.class).cursor());
                        case Ping.NAME -> {}
                        case Reset.NAME ->
                            listeners.reload(read(data, Reset.class).reason());
                        default -> accept(read(data, EventEnvelope.class));
                    }
                } catch (JacksonException | IllegalArgumentException e) {
                    // Never log the data: it may name a child. A newer server's unknown type lands here too.
                    LOG.log(Level.WARNING, "Skipped an unreadable {0} frame with id {1}", type, id);
                    if (id != null && !id.isBlank()) {
                        moveCursor(id);
                    }
                }
            }
        }

        @Override
        public void ended(StreamAttempt ended, String why) {
            synchronized (SseRealtimeClient.this) {
                if (ended == attempt) {
                    retryAfterLoss(ended, why);
                }
            }
        }

        @Override
        public void refused(StreamAttempt refused, Response response) {
            int code = response.code();
            switch (code) {
                case 401 -> renewAndRetry(refused);
                case 403 -> stop(refused, "The server refused the real-time stream: " + detail(response, "403"));
                case 204 -> stop(refused, "The server offers no real-time stream to this console (204)");
                case 429 -> {
                    synchronized (SseRealtimeClient.this) {
                        if (refused == attempt) {
                            failedAttempts++;
                            retryLater(refused, retryAfter(response), "The server is busy and asked to wait");
                        }
                    }
                }
                default -> ended(refused, "the server answered " + code);
            }
        }

        private void stop(StreamAttempt refused, String reason) {
            synchronized (SseRealtimeClient.this) {
                if (refused == attempt) {
                    halt(reason);
                }
            }
        }

        /** Renews the token (a blocking call, outside the lock) and retries at once; not counted as a failure. */
        private void renewAndRetry(StreamAttempt refused) {
            synchronized (SseRealtimeClient.this) {
                if (refused != attempt) {
                    return;
                }
                if (renewedSinceOpen) {
                    retryAfterLoss(refused, "the server did not accept the renewed sign-in");
                    return;
                }
                renewedSinceOpen = true;
            }
            try {
                session.renewAccessToken(refused.accessToken());
            } catch (ApiException e) {
                if (e.status() == 400 || e.status() == 401) {
                    stop(refused, EXPIRED);
                } else {
                    ended(refused, "the sign-in could not be renewed (" + e.getMessage() + ")");
                }
                return;
            } catch (IOException e) {
                ended(refused, "the sign-in could not be renewed (" + e.getMessage() + ")");
                return;
            }
            synchronized (SseRealtimeClient.this) {
                if (refused == attempt && running) {
                    startAttempt();
                }
            }
        }

        private String detail(Response response, String code) {
            String detail = session.api().problem(response).detail();
            return detail.isBlank() ? "access denied (" + code + ")" : detail + " (" + code + ")";
        }

        private Duration retryAfter(Response response) {
            String header = response.header("Retry-After");
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
            } catch (NullPointerException | NumberFormatException e) {
                // No usable header (or an HTTP date, which the server does not send): back off as usual.
                return backoff.delay(++backoffStep);
            }
        }
    }

    /** What the poller found; the poller calls it holding the client's lock. */
    private final class PollSink implements Poller.Sink {

        @Override
        public String cursor() {
            return cursor;
        }

        @Override
        public void page(EventPage page) {
            if (page.reset()) {
                listeners.reload("The server could not resume the event history");
            }
            page.events().forEach(SseRealtimeClient.this::accept);
            moveCursor(page.cursor());
        }

        @Override
        public void sessionExpired() {
            if (running) {
                halt(EXPIRED);
            }
        }
    }
}
