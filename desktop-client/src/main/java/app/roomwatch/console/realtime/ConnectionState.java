package app.roomwatch.console.realtime;

import java.time.Instant;
import java.util.Objects;

/**
 * How current the console's data is, for the status light: the mode, why, when the last event came and when the
 * next try is.
 *
 * @param cause why, as one of a few kinds the console words in its own language
 * @param reason why, in English and with details, for the log
 * @param lastEventAt when the last event arrived, or {@code null} when none has yet
 * @param nextTryAt when the stream is tried again, or {@code null} when no try is planned
 */
public record ConnectionState(Mode mode, Cause cause, String reason, Instant lastEventAt, Instant nextTryAt) {

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

    /** Why the client is in its mode: what the status light's tooltip and the offline banner say, in words. */
    public enum Cause {
        NOT_CONNECTED,
        DISCONNECTED,
        CONNECTING,
        LIVE,
        POLLING,
        /** Neither the stream nor the polls reach the server. */
        UNREACHABLE,
        /** The stream broke or the server closed it. */
        CONNECTION_LOST,
        /** Nothing came for longer than the watchdog waits. */
        STALE,
        /** The server answered the stream request with an error. */
        SERVER_ERROR,
        /** The server asked to wait (429). */
        SERVER_BUSY,
        /** The server refused the stream to this staff member (403). */
        REFUSED,
        /** The server offers no stream to this console (204). */
        NO_STREAM,
        /** The sign-in could not be renewed; tried again. */
        RENEWAL_FAILED,
        /** The sign-in has expired: signing in again is the only way back. */
        SIGN_IN_EXPIRED
    }

    public ConnectionState {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reason, "reason");
    }

    static ConnectionState notStarted() {
        return new ConnectionState(Mode.OFFLINE, Cause.NOT_CONNECTED, "Not connected", null, null);
    }
}
