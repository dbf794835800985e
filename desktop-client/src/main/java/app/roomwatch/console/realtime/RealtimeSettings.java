package app.roomwatch.console.realtime;

import java.time.Duration;
import java.util.Objects;

/**
 * The client's timings. The defaults are the product's; tests shorten them.
 *
 * @param backoffBase the wait before the first retry; each further failure doubles it
 * @param backoffCap the longest wait between retries
 * @param jitter the share of a wait that is randomly taken off, so consoles do not retry in lockstep (0 to 1)
 * @param stablePeriod how long a stream must stay open before the waits start again from {@code backoffBase}
 * @param watchdogTimeout silence (not a byte) after which an open stream counts as dead
 * @param pollInterval how often {@code GET /api/events} is asked while the stream is unavailable
 * @param failuresBeforePolling failed attempts in a row after which polling starts
 * @param pollPageSize events asked per poll; a full page is followed by another poll at once
 * @param cursorSaveDelay how long cursor changes are gathered before the cursor file is written
 */
public record RealtimeSettings(
        Duration backoffBase,
        Duration backoffCap,
        double jitter,
        Duration stablePeriod,
        Duration watchdogTimeout,
        Duration pollInterval,
        int failuresBeforePolling,
        int pollPageSize,
        Duration cursorSaveDelay) {

    public RealtimeSettings {
        positive(backoffBase, "backoffBase");
        positive(backoffCap, "backoffCap");
        if (backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoffCap must not be shorter than backoffBase");
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be at least 0 and less than 1, was " + jitter);
        }
        positive(stablePeriod, "stablePeriod");
        positive(watchdogTimeout, "watchdogTimeout");
        positive(pollInterval, "pollInterval");
        if (failuresBeforePolling < 1 || pollPageSize < 1) {
            throw new IllegalArgumentException("failuresBeforePolling and pollPageSize must be 1 or more");
        }
        Objects.requireNonNull(cursorSaveDelay, "cursorSaveDelay");
    }

    /** 1 s doubling to 30 s with 20 % jitter, reset after a stable minute, 60 s watchdog, polling every 30 s. */
    public static RealtimeSettings defaults() {
        return new RealtimeSettings(
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                0.2,
                Duration.ofMinutes(1),
                Duration.ofSeconds(60),
                Duration.ofSeconds(30),
                3,
                500,
                Duration.ofSeconds(1));
    }

    private static void positive(Duration value, String name) {
        if (Objects.requireNonNull(value, name).isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
