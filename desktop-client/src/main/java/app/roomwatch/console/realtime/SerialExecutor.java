package app.roomwatch.console.realtime;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The realtime client's actor: runs the tasks posted to it one at a time, in the order they were posted, each seeing
 * everything the ones before it did. It owns no thread: whichever thread posts while it is idle runs the queue (an
 * OkHttp reader runs the frame it brings, a timer the task that fell due), so the work needs no extra hand-off, and
 * a task posted from within a task runs after it on the same thread, never inside it.
 */
final class SerialExecutor implements Executor {

    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Thread> running = new AtomicReference<>();

    @Override
    public void execute(Runnable task) {
        queue.add(Objects.requireNonNull(task, "task"));
        drain();
    }

    /**
     * Runs {@code task} in turn and waits until it ran; from within a task it only posts it, as waiting there would
     * wait forever.
     */
    void executeAndWait(Runnable task) {
        if (running.get() == Thread.currentThread()) {
            execute(task);
            return;
        }
        var done = new CompletableFuture<Void>();
        execute(() -> {
            try {
                task.run();
            } finally {
                done.complete(null);
            }
        });
        done.join();
    }

    private void drain() {
        // The second look at the queue catches a task posted just after this thread let go.
        while (!queue.isEmpty() && running.compareAndSet(null, Thread.currentThread())) {
            try {
                Runnable next;
                while ((next = queue.poll()) != null) {
                    try {
                        next.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.ERROR, "A realtime client task failed", e);
                    }
                }
            } finally {
                running.set(null);
            }
        }
    }
}
