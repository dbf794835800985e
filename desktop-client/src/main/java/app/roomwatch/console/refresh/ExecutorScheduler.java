package app.roomwatch.console.refresh;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The console's real {@link Scheduler}: one daemon timer thread that only keeps time; the task itself runs on the
 * given executor (the FX thread in the console), so view-models never see the timer thread.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "roomwatch-console-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final Executor target;

    public ExecutorScheduler(Executor target) {
        this.target = target;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        var future = timer.schedule(() -> target.execute(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
