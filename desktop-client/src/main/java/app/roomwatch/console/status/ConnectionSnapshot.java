package app.roomwatch.console.status;

import app.roomwatch.console.realtime.ConnectionState.Cause;
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

    /** The four lights of SPEC section 6. */
    public enum Light {
        LIVE,
        CONNECTING,
        POLLING,
        OFFLINE
    }
}
