package app.roomwatch.console.status;

import java.time.Instant;

/**
 * What the status light shows, taken from the realtime client's state.
 *
 * @param cause why it is in this state, which the light's tooltip and the offline banner word in the UI's language
 * @param lastEventAt when the last event or ping arrived, or {@code null}
 * @param nextAttemptAt when the client tries the stream again, or {@code null} when it is not waiting
 */
public record ConnectionSnapshot(Light light, Cause cause, Instant lastEventAt, Instant nextAttemptAt) {

    public ConnectionSnapshot {
        if (light == null) {
            throw new IllegalArgumentException("'light' is required");
        }
        if (cause == null) {
            throw new IllegalArgumentException("'cause' is required");
        }
    }

    /**
     * Why the light is what it is, as the realtime client tells it ({@code ConnectionState.Cause}, name for name):
     * the view-model words it, and never sees the realtime client itself.
     */
    public enum Cause {
        NOT_CONNECTED,
        DISCONNECTED,
        CONNECTING,
        LIVE,
        POLLING,
        UNREACHABLE,
        CONNECTION_LOST,
        STALE,
        SERVER_ERROR,
        SERVER_BUSY,
        REFUSED,
        NO_STREAM,
        RENEWAL_FAILED,
        SIGN_IN_EXPIRED
    }

    /** The four lights of SPEC section 6. */
    public enum Light {
        LIVE,
        CONNECTING,
        POLLING,
        OFFLINE
    }
}
