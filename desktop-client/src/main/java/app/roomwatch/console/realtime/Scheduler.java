package app.roomwatch.console.realtime;

import java.time.Duration;
import java.time.Instant;

/** The client's clock and timers, so tests can move time by hand instead of sleeping. */
public interface Scheduler {

    Instant now();

    /** Runs {@code task} once after {@code delay} on the scheduler's thread. */
    Timer schedule(Duration delay, Runnable task);

    /** A planned task; cancelling it after it ran does nothing. */
    @FunctionalInterface
    interface Timer {
        void cancel();
    }

    /** The wall clock and one daemon timer thread; {@link SystemScheduler#close()} stops the thread. */
    static SystemScheduler system() {
        return new SystemScheduler();
    }
}
