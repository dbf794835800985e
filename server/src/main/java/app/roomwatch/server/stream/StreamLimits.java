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
    /** When entries whose window has run out are next dropped: a staff member who stopped connecting is forgotten. */
    private volatile Instant nextSweep = Instant.MIN;

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
        if (!now.isBefore(nextSweep)) {
            nextSweep = now.plus(WINDOW);
            sweep(windowStart);
        }
        Duration[] refusedFor = {null};
        attempts.compute(staffKey, (key, recent) -> {
            var window = recent == null ? new ArrayDeque<Instant>() : recent;
            dropBefore(window, windowStart);
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

    /** Staff members with attempts on record; what {@link #attempt} keeps bounded. */
    int tracked() {
        return attempts.size();
    }

    /** Once a minute, so that the cost stays a small share of the attempts; atomic per entry with {@link #attempt}. */
    private void sweep(Instant windowStart) {
        for (String staffKey : attempts.keySet()) {
            attempts.computeIfPresent(staffKey, (key, window) -> {
                dropBefore(window, windowStart);
                return window.isEmpty() ? null : window;
            });
        }
    }

    private static void dropBefore(ArrayDeque<Instant> window, Instant windowStart) {
        while (!window.isEmpty() && !window.peekFirst().isAfter(windowStart)) {
            window.pollFirst();
        }
    }
}
