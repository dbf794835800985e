package app.roomwatch.console.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The real {@link Scheduler}: the system clock and one daemon timer thread, stopped by {@link #close()}. */
public final class SystemScheduler implements Scheduler, AutoCloseable {

    private final ScheduledThreadPoolExecutor timers;

    public SystemScheduler(String threadName) {
        timers = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().name(threadName).daemon(true).factory());
        timers.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    /**
     * Runs the task after the delay. After {@link #close()} it is dropped: the console that asks is closing, and a
     * background load that ends then (a refresh it triggers, say) has nothing left to refresh.
     */
    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        try {
            var future = timers.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException closed) {
            return () -> {};
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
