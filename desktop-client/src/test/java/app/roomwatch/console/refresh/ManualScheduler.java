package app.roomwatch.console.refresh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link Scheduler} whose clock moves only when a test says so; tasks run on the test's thread. */
public final class ManualScheduler implements Scheduler {

    private record Task(long dueMillis, long order, Runnable action) {}

    private final List<Task> tasks = new ArrayList<>();
    private long nowMillis;
    private long order;

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        Task task = new Task(nowMillis + delay.toMillis(), order++, action);
        tasks.add(task);
        return () -> tasks.remove(task);
    }

    /** Moves the clock forward, running every task that falls due on the way, in time order. */
    public void advance(Duration by) {
        long until = nowMillis + by.toMillis();
        while (true) {
            Task next = tasks.stream()
                    .filter(t -> t.dueMillis() <= until)
                    .min(Comparator.comparingLong(Task::dueMillis).thenComparingLong(Task::order))
                    .orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            nowMillis = next.dueMillis();
            next.action().run();
        }
        nowMillis = until;
    }

    public int pending() {
        return tasks.size();
    }
}
