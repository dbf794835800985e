package app.roomwatch.console.status;

import java.time.Instant;

/**
 * What the status light shows, taken from the realtime client's state.
 *
 * @param reason why it is in this state, in words (e.g. "server restarting"); may be empty
 * @param lastEventAt when the last event or ping arrived, or {@code null}
 * @param nextAttemptAt when the client tries the stream again, or {@code null} when it is not waiting
 */
public record ConnectionSnapshot(Light light, String reason, Instant lastEventAt, Instant nextAttemptAt) {

    public ConnectionSnapshot {
        if (light == null) {
            throw new IllegalArgumentException("'light' is required");
        }
        reason = reason == null ? "" : reason;
    }

    /** The four lights of SPEC section 6. */
    public enum Light {
        LIVE,
        CONNECTING,
        POLLING,
        OFFLINE
    }
}
