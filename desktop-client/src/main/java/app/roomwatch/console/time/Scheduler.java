package app.roomwatch.console.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The console's clock and timers, one abstraction for the realtime client and the views alike, so tests move time
 * by hand instead of sleeping.
 */
public interface Scheduler {

    Instant now();

    /** Runs {@code task} once after {@code delay}, on the timer's thread; the handle calls it off. */
    Cancellable schedule(Duration delay, Runnable task);

    /** This clock, with every task handed to {@code executor} when due (e.g. the UI thread) instead of run on the timer. */
    default Scheduler on(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        Scheduler timer = this;
        return new Scheduler() {
            @Override
            public Instant now() {
                return timer.now();
            }

            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                return timer.schedule(delay, () -> executor.execute(task));
            }
        };
    }

    /** A planned task; cancelling it after it ran does nothing. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
