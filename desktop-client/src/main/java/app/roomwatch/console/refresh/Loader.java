package app.roomwatch.console.refresh;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Fetches one thing again and again through a {@link TaskExecutor}, applying only the newest answer: when two
 * refetches overlap, the older answer is dropped instead of painting stale data over fresh data.
 */
public final class Loader {

    private final TaskExecutor tasks;
    private final AtomicLong generation = new AtomicLong();

    Loader(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    /** Loads with {@code call}; exactly one of {@code onResult} or {@code onError} runs, on the UI thread, if newest. */
    public <T> void load(Callable<T> call, Consumer<? super T> onResult, Consumer<? super Exception> onError) {
        long mine = generation.incrementAndGet();
        tasks.execute(
                call,
                result -> {
                    if (generation.get() == mine) {
                        onResult.accept(result);
                    }
                },
                e -> {
                    if (generation.get() == mine) {
                        onError.accept(e);
                    }
                });
    }
}
