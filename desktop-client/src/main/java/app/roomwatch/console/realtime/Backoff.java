package app.roomwatch.console.realtime;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The waits between reconnects: base, twice that, four times … up to the cap, each shortened by a random share
 * of at most {@code jitter} so that many consoles losing the server together do not return in lockstep.
 */
final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final double jitter;
    private final DoubleSupplier random;

    /** @param random numbers in {@code [0, 1)}; tests pass fixed ones */
    Backoff(Duration base, Duration cap, double jitter, DoubleSupplier random) {
        this.base = base;
        this.cap = cap;
        this.jitter = jitter;
        this.random = random;
    }

    /** The wait before retry number {@code attempt} (1 for the first) without jitter. */
    Duration nominal(int attempt) {
        int doublings = Math.clamp(attempt - 1, 0, 40);
        long nanos = base.toNanos();
        for (int i = 0; i < doublings && nanos < cap.toNanos(); i++) {
            nanos *= 2;
        }
        return Duration.ofNanos(Math.min(nanos, cap.toNanos()));
    }

    /** The wait before retry number {@code attempt}: between {@code (1 - jitter)} times and exactly the nominal. */
    Duration delay(int attempt) {
        long nominal = nominal(attempt).toNanos();
        double share = Math.clamp(random.getAsDouble(), 0.0, 1.0) * jitter;
        return Duration.ofNanos(nominal - (long) (nominal * share));
    }
}
