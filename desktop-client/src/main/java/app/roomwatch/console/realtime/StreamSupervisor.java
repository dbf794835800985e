package app.roomwatch.console.realtime;

import app.roomwatch.console.api.ApiException;
import app.roomwatch.console.api.StaffSession;
import app.roomwatch.console.realtime.ConnectionState.Mode;
import app.roomwatch.console.realtime.Scheduler.Timer;
import app.roomwatch.model.api.TokenResponse;
import app.roomwatch.model.event.EventPage;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Keeps the stream open for {@link SseRealtimeClient}: one attempt at a time, resumed with {@code Last-Event-ID},
 * backed off after failures, dropped when it falls silent, renewed tokens on 401, and polling while the stream is
 * unavailable. All state is guarded by the instance's lock; OkHttp's threads and the scheduler's timers only hand
 * it what they saw.
 */
final class StreamSupervisor {

    private static final System.Logger LOG = System.getLogger(StreamSupervisor.class.getName());
    private static final Duration STATE_REFRESH = Duration.ofSeconds(1);
    static final String EXPIRED = "Your sign-in has expired; sign in again to receive updates";

    private final StaffSession session;
    private final RealtimeSettings settings;
    private final Scheduler scheduler;
    private final RetryPlan plan;
    private final ResumePoint resume;
    private final EventIntake intake;
    private final Listeners listeners;
    private final OkHttpClient streamHttp;
    private final Poller poller;
    private final Executor io;
    private final StreamAttempt.Handler handler = new AttemptHandler();

    private boolean running;
    private ConnectionState state = ConnectionState.notStarted();
    private StreamAttempt attempt;
    private Timer retryTimer;
    private Timer watchdogTimer;
    private Timer stableTimer;
    /** An expired token is being renewed before the next attempt. */
    private boolean renewing;
    /** Why the last poll failed, or {@code null} when it worked: then the fallback is not working either. */
    private String pollProblem;

    /**
     * @param dataDir the console's data folder, where the cursor file is kept
     * @param io runs blocking calls (polls, token renewals); may run many at once
     */
    StreamSupervisor(
            StaffSession session,
            Path dataDir,
            RealtimeSettings settings,
            Scheduler scheduler,
            Listeners listeners,
            Executor io,
            DoubleSupplier random) {
        this.session = session;
        this.settings = settings;
        this.scheduler = scheduler;
        this.plan = new RetryPlan(
                new Backoff(settings.backoffBase(), settings.backoffCap(), settings.jitter(), random),
                settings.failuresBeforePolling());
        this.listeners = listeners;
        this.resume =
                new ResumePoint(ResumePoint.storeFor(dataDir, session), scheduler, settings.cursorSaveDelay(), this);
        this.intake = new EventIntake(session.api().json(), listeners, resume, scheduler::now);
        // The watchdog, not a read timeout, decides when a quiet stream is dead. The stream keeps its own
        // connections and dispatcher: a REST call never waits for, or lands on, a connection held by a stream,
        // and a stream never takes one of the per-host slots the views' calls queue for.
        this.streamHttp = session.api()
                .http()
                .newBuilder()
                .dispatcher(new Dispatcher())
                .connectionPool(new ConnectionPool())
                .readTimeout(Duration.ZERO)
                .callTimeout(Duration.ZERO)
                .build();
        this.io = io;
        this.poller = new Poller(session, settings, scheduler, io, this, new PollSink());
    }

    /** Opens the stream unless it is already kept open. */
    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        plan.restart();
        startAttempt();
    }

    /** Stops keeping the stream open, saying why; {@link #start()} starts again. */
    synchronized void stop(String reason) {
        if (running) {
            halt(reason);
        }
    }

    /** Stops and lets go of the stream's own threads and connections; the supervisor is not started again. */
    synchronized void release() {
        stop("Disconnected");
        streamHttp.dispatcher().executorService().shutdown();
        streamHttp.connectionPool().evictAll();
    }

    synchronized Subscription onStateChange(Consumer<ConnectionState> listener) {
        return listeners.onState(listener, state);
    }

    synchronized ConnectionState state() {
        return state;
    }

    /** Where the cursor is kept; one file per server, tenant and staff member. */
    Path cursorFile() {
        return resume.file();
    }

    private void startAttempt() {
        cancel(retryTimer);
        if (poller.active()) {
            setFallbackState(null);
        } else {
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
        String problem = renew(session.accessToken());
        synchronized (this) {
            renewing = false;
            if (!running || attempt != null) {
                return;
            }
            if (EXPIRED.equals(problem)) {
                halt(EXPIRED);
            } else {
                // Renewed, or the server is in trouble: then the attempt fails and backs off, rather than
                // the renewal being retried at once.
                openStream();
            }
        }
    }

    /**
     * Renews the access token after the server refused {@code rejected}.
     *
     * @return {@code null} when renewed, {@link #EXPIRED} when the refresh token is no longer accepted, or what went
     *     wrong when the server could not be asked
     */
    private String renew(String rejected) {
        try {
            session.renewAccessToken(rejected);
            return null;
        } catch (ApiException e) {
            return e.status() == 400 || e.status() == 401
                    ? EXPIRED
                    : "the sign-in could not be renewed (" + e.getMessage() + ")";
        } catch (IOException e) {
            return "the sign-in could not be renewed (" + e.getMessage() + ")";
        }
    }

    private void openStream() {
        var request =
                new Request.Builder().url(session.api().url("/api/sse/events")).header("Accept", "text/event-stream");
        String token = session.accessToken();
        request.header("Authorization", TokenResponse.BEARER + " " + token);
        String cursor = resume.cursor();
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
        retryLater(lost, plan.afterLoss(lost.wasOpened()), capitalized(why) + "; trying again");
    }

    private void retryLater(StreamAttempt lost, Duration delay, String reason) {
        attempt = null;
        lost.cancel();
        cancel(watchdogTimer);
        cancel(stableTimer);
        retryTimer = scheduler.schedule(delay, this::retryNow);
        Instant nextTry = scheduler.now().plus(delay);
        LOG.log(Level.INFO, "Realtime stream unavailable ({0}); next try in {1} ms", reason, delay.toMillis());
        if (plan.shouldPoll() && !poller.active()) {
            pollProblem = null;
            LOG.log(Level.WARNING, "{0} failed attempts in a row: polling for events", plan.failedAttempts());
            poller.start();
        }
        if (poller.active()) {
            setFallbackState(nextTry);
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
            plan.stable();
        }
    }

    /** Stops for good (until {@link #start()}), saying why. */
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
        resume.save();
        setState(Mode.OFFLINE, reason, null);
    }

    /**
     * The state while the stream is unavailable: polling, or offline when the polls fail too, because a supervisor
     * must not believe in a fallback that brings nothing.
     */
    private void setFallbackState(Instant nextTry) {
        if (pollProblem == null) {
            setState(Mode.POLLING, ConnectionState.POLLING_MESSAGE, nextTry);
        } else {
            setState(Mode.OFFLINE, "The server cannot be reached (" + pollProblem + "); trying again", nextTry);
        }
    }

    /** Many events a second must not mean as many status-light updates: the time shown moves once a second. */
    private void delivered() {
        Instant shown = state.lastEventAt();
        if (shown == null || Duration.between(shown, intake.lastEventAt()).compareTo(STATE_REFRESH) >= 0) {
            setState(state.mode(), state.reason(), state.nextTryAt());
        }
    }

    private void setState(Mode mode, String reason, Instant nextTryAt) {
        var next = new ConnectionState(mode, reason, intake.lastEventAt(), nextTryAt);
        if (next.equals(state)) {
            return;
        }
        if (next.mode() != state.mode() || !next.reason().equals(state.reason())) {
            LOG.log(Level.INFO, "Realtime {0}: {1}", mode, reason);
        }
        state = next;
        listeners.state(next);
    }

    private static void cancel(Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** What the stream attempts report, checked against the current attempt so late news of old ones is dropped. */
    private final class AttemptHandler implements StreamAttempt.Handler {

        @Override
        public void opened(StreamAttempt opened) {
            synchronized (StreamSupervisor.this) {
                if (opened != attempt) {
                    return;
                }
                plan.opened();
                poller.stop();
                setState(Mode.LIVE, "Receiving live updates", null);
                stableTimer = scheduler.schedule(settings.stablePeriod(), () -> becameStable(opened));
            }
        }

        @Override
        public void frame(StreamAttempt from, String id, String type, String data) {
            synchronized (StreamSupervisor.this) {
                if (from != attempt) {
                    return;
                }
                if (intake.frame(id, type, data)) {
                    delivered();
                }
            }
        }

        @Override
        public void ended(StreamAttempt ended, String why) {
            synchronized (StreamSupervisor.this) {
                if (ended == attempt) {
                    retryAfterLoss(ended, why);
                }
            }
        }

        @Override
        public void refused(StreamAttempt refused, Response response) {
            var refusal = Refusal.of(response, session.api());
            switch (refusal.action()) {
                case RENEW -> renewAndRetry(refused);
                case RETRY -> ended(refused, refusal.reason());
                case STOP -> {
                    synchronized (StreamSupervisor.this) {
                        if (refused == attempt) {
                            halt(refusal.reason());
                        }
                    }
                }
                case WAIT -> {
                    synchronized (StreamSupervisor.this) {
                        if (refused == attempt) {
                            retryLater(refused, plan.afterBusy(refusal.retryAfter()), refusal.reason());
                        }
                    }
                }
            }
        }

        /** Renews the token (a blocking call, outside the lock) and retries at once; not counted as a failure. */
        private void renewAndRetry(StreamAttempt refused) {
            synchronized (StreamSupervisor.this) {
                if (refused != attempt) {
                    return;
                }
                if (!plan.mayRenew()) {
                    retryAfterLoss(refused, "the server did not accept the renewed sign-in");
                    return;
                }
            }
            String problem = renew(refused.accessToken());
            synchronized (StreamSupervisor.this) {
                if (refused != attempt || !running) {
                    return;
                }
                if (problem == null) {
                    startAttempt();
                } else if (problem.equals(EXPIRED)) {
                    halt(EXPIRED);
                } else {
                    retryAfterLoss(refused, problem);
                }
            }
        }
    }

    /** What the poller found; the poller calls it holding the client's lock. */
    private final class PollSink implements Poller.Sink {

        @Override
        public String cursor() {
            return resume.cursor();
        }

        @Override
        public void page(EventPage page) {
            if (pollProblem != null) {
                pollProblem = null;
                setFallbackState(state.nextTryAt());
            }
            if (intake.page(page)) {
                delivered();
            }
        }

        @Override
        public void failed(String why) {
            pollProblem = why;
            setFallbackState(state.nextTryAt());
        }

        @Override
        public void sessionExpired() {
            if (running) {
                halt(EXPIRED);
            }
        }
    }
}
