package app.roomwatch.server.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Connection attempts per staff member and minute, so that a console stuck in a reconnect loop cannot load the
 * server; the number of open streams is the hub's to count.
 */
@Component
class StreamLimits {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final StreamSettings settings;
    private final Clock clock;
    private final Map<String, ArrayDeque<Instant>> attempts = new ConcurrentHashMap<>();

    StreamLimits(StreamSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Counts one attempt of {@code staffKey} ("tenant:staff").
     *
     * @throws StreamLimitException when it is one too many for the last minute
     */
    void attempt(String staffKey) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(WINDOW);
        Duration[] refusedFor = {null};
        attempts.compute(staffKey, (key, recent) -> {
            var window = recent == null ? new ArrayDeque<Instant>() : recent;
            while (!window.isEmpty() && !window.peekFirst().isAfter(windowStart)) {
                window.pollFirst();
            }
            if (window.size() >= settings.connectsPerMinute()) {
                refusedFor[0] = Duration.between(now, window.peekFirst().plus(WINDOW));
            } else {
                window.addLast(now);
            }
            return window;
        });
        if (refusedFor[0] != null) {
            throw new StreamLimitException(
                    "At most " + settings.connectsPerMinute() + " stream connections a minute per staff member",
                    refusedFor[0]);
        }
    }
}
