package app.roomwatch.console.refresh;

import java.time.Duration;

/** Runs a task once after a delay; the seam that lets tests move time by hand instead of waiting for it. */
@FunctionalInterface
public interface Scheduler {

    /** Runs {@code task} after {@code delay}; the returned handle cancels it if it has not run yet. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
