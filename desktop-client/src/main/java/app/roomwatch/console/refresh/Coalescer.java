package app.roomwatch.console.refresh;

import app.roomwatch.console.time.Scheduler;
import java.time.Duration;

/**
 * Turns a burst of triggers into one action: the first trigger opens a window, every trigger inside it is absorbed,
 * and the action runs once when the window closes. Events are triggers for a refetch, so 500 check-ins in a second
 * cost a view a handful of requests instead of 500.
 *
 * <p>Called from one thread (the FX thread in the console), like the scheduler's tasks; not thread-safe on purpose.
 */
public final class Coalescer {

    /** The window the console uses: short enough to feel instant, long enough to absorb a burst. */
    public static final Duration WINDOW = Duration.ofMillis(300);

    private final Scheduler scheduler;
    private final Duration window;
    private final Runnable action;
    private Scheduler.Cancellable pending;

    public Coalescer(Scheduler scheduler, Duration window, Runnable action) {
        this.scheduler = scheduler;
        this.window = window;
        this.action = action;
    }

    /** Asks for the action; it runs at the end of the current window, once however often this is called. */
    public void trigger() {
        if (pending == null) {
            pending = scheduler.schedule(window, this::fire);
        }
    }

    /** Runs the action now and drops a pending run, e.g. when the user asks for a reload. */
    public void runNow() {
        cancel();
        action.run();
    }

    /** Drops a pending run, e.g. on logout. */
    public void cancel() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    public boolean isPending() {
        return pending != null;
    }

    private void fire() {
        pending = null;
        action.run();
    }
}
