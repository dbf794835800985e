package app.roomwatch.console.realtime;

import app.roomwatch.console.realtime.ConnectionState.Cause;
import app.roomwatch.console.realtime.ConnectionState.Mode;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the client says about its connection: the current {@link ConnectionState}, told to the state listeners when
 * it changes. Changed only by the client's actor; {@link #current()} may be read from any thread.
 */
final class ConnectionStatus {

    private static final System.Logger LOG = System.getLogger(ConnectionStatus.class.getName());
    private static final Duration REFRESH = Duration.ofSeconds(1);

    private final Listeners listeners;
    private final Supplier<Instant> lastEventAt;
    private volatile ConnectionState state = ConnectionState.notStarted();
    /** Why the last poll failed, or {@code null} when it worked: then the fallback is not working either. */
    private String pollProblem;

    /** @param lastEventAt when the last new event arrived, or {@code null} */
    ConnectionStatus(Listeners listeners, Supplier<Instant> lastEventAt) {
        this.listeners = listeners;
        this.lastEventAt = lastEventAt;
    }

    ConnectionState current() {
        return state;
    }

    /** Adds a state listener, called at once with the current state; called on the actor, so no change slips by. */
    Subscription listen(Consumer<ConnectionState> listener) {
        return listeners.onState(listener, state);
    }

    void set(Mode mode, Cause cause, String reason, Instant nextTryAt) {
        var next = new ConnectionState(mode, cause, reason, lastEventAt.get(), nextTryAt);
        if (next.equals(state)) {
            return;
        }
        if (next.mode() != state.mode() || !next.reason().equals(state.reason())) {
            LOG.log(Level.INFO, "Realtime {0}: {1}", mode, reason);
        }
        state = next;
        listeners.state(next);
    }

    /**
     * The state while the stream is unavailable: polling, or offline when the polls fail too, because a supervisor
     * must not believe in a fallback that brings nothing.
     */
    void fallback(Instant nextTryAt) {
        if (pollProblem == null) {
            set(Mode.POLLING, Cause.POLLING, ConnectionState.POLLING_MESSAGE, nextTryAt);
        } else {
            set(
                    Mode.OFFLINE,
                    Cause.UNREACHABLE,
                    "The server cannot be reached (" + pollProblem + "); trying again",
                    nextTryAt);
        }
    }

    /** Polling starts afresh: nothing has failed yet. */
    void pollingStarts() {
        pollProblem = null;
    }

    void pollWorked() {
        if (pollProblem != null) {
            pollProblem = null;
            fallback(state.nextTryAt());
        }
    }

    void pollFailed(String why) {
        pollProblem = why;
        fallback(state.nextTryAt());
    }

    /** Many events a second must not mean as many status-light updates: the time shown moves once a second. */
    void delivered() {
        Instant shown = state.lastEventAt();
        if (shown == null || Duration.between(shown, lastEventAt.get()).compareTo(REFRESH) >= 0) {
            set(state.mode(), state.cause(), state.reason(), state.nextTryAt());
        }
    }
}
