package app.roomwatch.console.realtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link Scheduler} whose time moves only when a test says so; due tasks run on the test's thread. */
final class ManualScheduler implements Scheduler {

    private record Task(Instant due, long order, Runnable action) {}

    private final List<Task> tasks = new ArrayList<>();
    private Instant now = Instant.parse("2026-11-23T08:00:00Z");
    private long order;

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Timer schedule(Duration delay, Runnable action) {
        var task = new Task(now.plus(delay), order++, action);
        tasks.add(task);
        return () -> {
            synchronized (this) {
                tasks.remove(task);
            }
        };
    }

    /** Moves the clock forward, running every task that falls due on the way, in time order. */
    void advance(Duration duration) {
        Instant target;
        synchronized (this) {
            target = now.plus(duration);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream()
                        .filter(t -> !t.due().isAfter(target))
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
    void runDue() {
        advance(Duration.ZERO);
    }
}
