package app.roomwatch.server.stream;

import app.roomwatch.server.limit.SharedLimits;
import app.roomwatch.server.limit.SharedLimits.Rate;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Connection attempts per staff member and minute, counted by every instance together ({@link SharedLimits}), so
 * that a console stuck in a reconnect loop cannot load the servers; the number of open streams is the hub's to count.
 */
@Component
class StreamLimits {

    private final SharedLimits limits;
    private final Rate connects;

    StreamLimits(StreamSettings settings, SharedLimits limits) {
        this.limits = limits;
        this.connects = new Rate("stream-connect", settings.connectsPerMinute(), Duration.ofMinutes(1));
    }

    /**
     * Counts one attempt of {@code staffKey} ("tenant:staff").
     *
     * @throws StreamLimitException when it is one too many for the last minute
     */
    void attempt(String staffKey) {
        Duration wait = limits.take(connects, staffKey);
        if (!wait.isZero()) {
            throw new StreamLimitException(
                    "At most " + connects.capacity() + " stream connections a minute per staff member", wait);
        }
    }
}
