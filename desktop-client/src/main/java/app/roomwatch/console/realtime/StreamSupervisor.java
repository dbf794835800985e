package app.roomwatch.console.realtime;

import app.roomwatch.console.api.StaffSession;
import app.roomwatch.console.realtime.ConnectionState.Cause;
import app.roomwatch.console.realtime.ConnectionState.Mode;
import app.roomwatch.console.time.Scheduler;
import app.roomwatch.console.time.Scheduler.Cancellable;
import app.roomwatch.model.event.EventPage;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import okhttp3.Response;

/**
 * Keeps the stream open for {@link SseRealtimeClient}: one attempt at a time, resumed with {@code Last-Event-ID},
 * backed off after failures, dropped when it falls silent, renewed tokens on 401, and polling while the stream is
 * unavailable. It is the client's actor: every method runs on one {@link SerialExecutor}, which owns the connection
 * state, the cursor, the backoff, the watchdog and the poller; OkHttp's threads, the timers and the I/O executor
 * only post to it what they saw.
 */
final class StreamSupervisor {

    private static final System.Logger LOG = System.getLogger(StreamSupervisor.class.getName());
    private static final String EXPIRED = StreamConnection.EXPIRED;

    private final RealtimeSettings settings;
    private final Scheduler scheduler;
    /** The scheduler's timers, each posting its task to the actor. */
    private final Scheduler timers;

    private final Executor actor;
    private final RetryPlan plan;
    private final ResumePoint resume;
    private final EventIntake intake;
    private final ConnectionStatus status;
    private final StreamConnection connection;
    private final Poller poller;
    private final Executor io;
    private final StreamAttempt.Handler handler = new AttemptHandler();

    private boolean running;

    private StreamAttempt attempt;
    private Cancellable retryTimer;
    private Cancellable watchdogTimer;
    private Cancellable stableTimer;
    /** An expired token is being renewed before the next attempt. */
    private boolean renewing;

    /**
     * @param dataDir the console's data folder, where the cursor file is kept
     * @param actor runs every method of this class, one at a time
     * @param io runs blocking calls (polls, token renewals); may run many at once
     */
    StreamSupervisor(
            StaffSession session,
            Path dataDir,
            RealtimeSettings settings,
            Scheduler scheduler,
            Executor actor,
            Listeners listeners,
            Executor io,
            DoubleSupplier random) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.timers = scheduler.on(actor);
        this.actor = actor;
        this.plan = new RetryPlan(
                new Backoff(settings.backoffBase(), settings.backoffCap(), settings.jitter(), random),
                settings.failuresBeforePolling());
        this.resume = new ResumePoint(ResumePoint.storeFor(dataDir, session), timers, settings.cursorSaveDelay());
        this.intake = new EventIntake(session.api().json(), listeners, resume, scheduler::now);
        this.status = new ConnectionStatus(listeners, intake::lastEventAt);
        this.connection = new StreamConnection(session, scheduler::now);
        this.io = io;
        this.poller = new Poller(session, settings, timers, actor, io, new PollSink());
    }

    /** Opens the stream unless it is already kept open. */
    void start() {
        if (running) {
            return;
        }
        running = true;
        plan.restart();
        startAttempt();
    }

    /** Stops keeping the stream open, saying why; {@link #start()} starts again. */
    void stop(String reason) {
        if (running) {
            halt(Cause.DISCONNECTED, reason);
        }
    }

    /** Stops and lets go of the stream's own threads and connections; the supervisor is not started again. */
    void release() {
        stop("Disconnected");
        connection.release();
    }

    Subscription onStateChange(Consumer<ConnectionState> listener) {
        return status.listen(listener);
    }

    /** The latest state; the one method any thread may call. */
    ConnectionState state() {
        return status.current();
    }

    /** Where the cursor is kept; one file per server, tenant and staff member. */
    Path cursorFile() {
        return resume.file();
    }

    private void startAttempt() {
        cancel(retryTimer);
        if (poller.active()) {
            status.fallback(null);
        } else {
            status.set(Mode.CONNECTING, Cause.CONNECTING, "Connecting to the server", null);
        }
        if (connection.tokenExpired()) {
            if (!renewing) {
                renewing = true;
                String expired = connection.accessToken();
                io.execute(() -> {
                    String problem = connection.renew(expired);
                    actor.execute(() -> renewedThenOpen(problem));
                });
            }
            return;
        }
        openStream();
    }

    /** An expired token was renewed (or not) on the I/O executor before reconnecting. */
    private void renewedThenOpen(String problem) {
        renewing = false;
        if (!running || attempt != null) {
            return;
        }
        if (EXPIRED.equals(problem)) {
            halt(Cause.SIGN_IN_EXPIRED, EXPIRED);
        } else {
            // Renewed, or the server is in trouble: then the attempt fails and backs off, rather than
            // the renewal being retried at once.
            openStream();
        }
    }

    private void openStream() {
        var next = connection.attempt(resume.cursor());
        attempt = next;
        cancel(watchdogTimer);
        watchdogTimer = timers.schedule(settings.watchdogTimeout(), () -> watch(next));
        next.start(handler);
    }

    /** Drops {@code lost}, the current attempt, and plans the next one. */
    private void retryAfterLoss(StreamAttempt lost, Cause cause, String why) {
        retryLater(lost, plan.afterLoss(lost.wasOpened()), cause, capitalized(why) + "; trying again");
    }

    private void retryLater(StreamAttempt lost, Duration delay, Cause cause, String reason) {
        attempt = null;
        lost.cancel();
        cancel(watchdogTimer);
        cancel(stableTimer);
        retryTimer = timers.schedule(delay, this::retryNow);
        Instant nextTry = scheduler.now().plus(delay);
        LOG.log(Level.INFO, "Realtime stream unavailable ({0}); next try in {1} ms", reason, delay.toMillis());
        if (plan.shouldPoll() && !poller.active()) {
            status.pollingStarts();
            LOG.log(Level.WARNING, "{0} failed attempts in a row: polling for events", plan.failedAttempts());
            poller.start();
        }
        if (poller.active()) {
            status.fallback(nextTry);
        } else {
            status.set(Mode.CONNECTING, cause, reason, nextTry);
        }
    }

    private void retryNow() {
        if (running && attempt == null && !renewing) {
            startAttempt();
        }
    }

    private void watch(StreamAttempt watched) {
        if (watched != attempt) {
            return;
        }
        Duration silence = Duration.between(watched.lastByteAt(), scheduler.now());
        if (silence.compareTo(settings.watchdogTimeout()) >= 0) {
            retryAfterLoss(watched, Cause.STALE, "no data for " + silence.toSeconds() + " s, the connection is stale");
        } else {
            watchdogTimer = timers.schedule(settings.watchdogTimeout().minus(silence), () -> watch(watched));
        }
    }

    private void becameStable(StreamAttempt stable) {
        if (stable == attempt) {
            plan.stable();
        }
    }

    /** Stops for good (until {@link #start()}), saying why. */
    private void halt(Cause cause, String reason) {
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
        status.set(Mode.OFFLINE, cause, reason, null);
    }

    private static void cancel(Cancellable timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The attempt opened: live, and stable if it stays open for the stable period. */
    private void opened(StreamAttempt opened) {
        if (opened != attempt) {
            return;
        }
        plan.opened();
        poller.stop();
        status.set(Mode.LIVE, Cause.LIVE, "Receiving live updates", null);
        stableTimer = timers.schedule(settings.stablePeriod(), () -> becameStable(opened));
    }

    private void frame(StreamAttempt from, String id, String type, String data) {
        if (from == attempt && intake.frame(id, type, data)) {
            status.delivered();
        }
    }

    private void ended(StreamAttempt ended, String why) {
        if (ended == attempt) {
            retryAfterLoss(ended, Cause.CONNECTION_LOST, why);
        }
    }

    private void refused(StreamAttempt refused, Refusal refusal) {
        if (refused != attempt) {
            return;
        }
        switch (refusal.action()) {
            case RENEW -> renewAndRetry(refused);
            case RETRY -> retryAfterLoss(refused, refusal.cause(), refusal.reason());
            case STOP -> halt(refusal.cause(), refusal.reason());
            case WAIT -> retryLater(refused, plan.afterBusy(refusal.retryAfter()), refusal.cause(), refusal.reason());
        }
    }

    /** Renews the token on the I/O executor and retries at once; not counted as a failure. */
    private void renewAndRetry(StreamAttempt refused) {
        if (!plan.mayRenew()) {
            retryAfterLoss(refused, Cause.RENEWAL_FAILED, "the server did not accept the renewed sign-in");
            return;
        }
        io.execute(() -> {
            String problem = connection.renew(refused.accessToken());
            actor.execute(() -> renewed(refused, problem));
        });
    }

    private void renewed(StreamAttempt refused, String problem) {
        if (refused != attempt || !running) {
            return;
        }
        if (problem == null) {
            startAttempt();
        } else if (problem.equals(EXPIRED)) {
            halt(Cause.SIGN_IN_EXPIRED, EXPIRED);
        } else {
            retryAfterLoss(refused, Cause.RENEWAL_FAILED, problem);
        }
    }

    /** What an attempt reports on OkHttp's threads, posted to the actor; late news of old attempts is dropped there. */
    private final class AttemptHandler implements StreamAttempt.Handler {

        @Override
        public void opened(StreamAttempt opened) {
            actor.execute(() -> StreamSupervisor.this.opened(opened));
        }

        @Override
        public void frame(StreamAttempt from, String id, String type, String data) {
            actor.execute(() -> StreamSupervisor.this.frame(from, id, type, data));
        }

        @Override
        public void ended(StreamAttempt ended, String why) {
            actor.execute(() -> StreamSupervisor.this.ended(ended, why));
        }

        @Override
        public void refused(StreamAttempt refused, Response response) {
            // Read here, while the response is still open.
            var refusal = connection.refusal(response);
            actor.execute(() -> StreamSupervisor.this.refused(refused, refusal));
        }
    }

    /** What the poller found, on the actor. */
    private final class PollSink implements Poller.Sink {
        @Override
        public String cursor() {
            return resume.cursor();
        }

        @Override
        public void page(EventPage page) {
            status.pollWorked();
            if (intake.page(page)) {
                status.delivered();
            }
        }

        @Override
        public void failed(String why) {
            status.pollFailed(why);
        }

        @Override
        public void sessionExpired() {
            if (running) {
                halt(Cause.SIGN_IN_EXPIRED, EXPIRED);
            }
        }
    }
}
