package app.roomwatch.console.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link Scheduler} whose time moves only when a test says so; due tasks run on the test's thread. A move runs
 * what was planned before it and what its own tasks plan on the way; what other threads (an HTTP answer, say) plan
 * while the clock moves waits for the next move, so a test decides when it runs, as with a real clock.
 */
public final class ManualScheduler implements Scheduler {

    private record Task(Instant due, long order, Thread plannedBy, Runnable action) {}

    private final List<Task> tasks = new ArrayList<>();
    private Instant now = Instant.parse("2026-11-23T08:00:00Z");
    private long order;

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable action) {
        var task = new Task(now.plus(delay), order++, Thread.currentThread(), action);
        tasks.add(task);
        return () -> {
            synchronized (this) {
                tasks.remove(task);
            }
        };
    }

    /** Moves the clock forward, running every task that falls due on the way, in time order. */
    public void advance(Duration duration) {
        Instant target;
        long plannedBefore;
        Thread mover = Thread.currentThread();
        synchronized (this) {
            target = now.plus(duration);
            plannedBefore = order;
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream()
                        .filter(t -> !t.due().isAfter(target))
                        .filter(t -> t.order() < plannedBefore || t.plannedBy() == mover)
                        .min(Comparator.comparing(Task::due).thenComparing(Task::order))
                        .orElse(null);
                if (next == null) {
                    now = target;
                    return;
                }
                tasks.remove(next);
                now = next.due();
            }
            next.action().run();
        }
    }

    /** Runs whatever is due now (tasks scheduled with no delay). */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** How many tasks wait for their time. */
    public synchronized int pending() {
        return tasks.size();
    }
}
