package app.roomwatch.console.refresh;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** An executor that holds work until the test releases it: "the server has not answered yet". */
public final class QueuedExecutor implements Executor {

    private final Queue<Runnable> queue = new ArrayDeque<>();

    @Override
    public void execute(Runnable command) {
        queue.add(command);
    }

    /** Runs everything queued so far and whatever that queues in turn. */
    public void runAll() {
        Runnable next;
        while ((next = queue.poll()) != null) {
            next.run();
        }
    }

    /** Runs the oldest queued piece of work only. */
    public void runOne() {
        queue.remove().run();
    }

    public int size() {
        return queue.size();
    }
}
