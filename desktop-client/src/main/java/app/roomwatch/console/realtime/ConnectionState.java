package app.roomwatch.console.realtime;

import java.time.Instant;
import java.util.Objects;

/**
 * How current the console's data is, for the status light: the mode, why, when the last event came and when the
 * next try is.
 *
 * @param lastEventAt when the last event arrived, or {@code null} when none has yet
 * @param nextTryAt when the stream is tried again, or {@code null} when no try is planned
 */
public record ConnectionState(Mode mode, String reason, Instant lastEventAt, Instant nextTryAt) {

    /** The message of {@link Mode#POLLING}, word for word as the specification asks. */
    public static final String POLLING_MESSAGE = "Real-time updates unavailable, using polling";

    /** The four colours of the status light. */
    public enum Mode {
        /** Events arrive as they happen (green). */
        LIVE,
        /** Opening or re-opening the stream (yellow). */
        CONNECTING,
        /** The stream is unavailable; events are fetched every few seconds instead, none missed. */
        POLLING,
        /**
         * No updates at all (red): not started, stopped until the user acts, or the server cannot be reached by
         * stream or poll; then {@code nextTryAt} says when it is tried again.
         */
        OFFLINE
    }

    public ConnectionState {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(reason, "reason");
    }

    static ConnectionState notStarted() {
        return new ConnectionState(Mode.OFFLINE, "Not connected", null, null);
    }
}
