package app.roomwatch.console.refresh;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs a blocking server call off the UI thread and hands its answer back on the UI thread. Only the newest call
 * of a loader is applied: when two refetches overlap, the older answer is dropped instead of painting stale data
 * over fresh data.
 */
public final class Loader {

    private final Executor background;
    private final Executor ui;
    private final AtomicLong generation = new AtomicLong();

    public Loader(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    /** Loads with {@code call}; exactly one of {@code onResult} or {@code onError} runs, on the UI thread, if newest. */
    public <T> void load(Callable<T> call, Consumer<? super T> onResult, Consumer<? super Exception> onError) {
        long mine = generation.incrementAndGet();
        background.execute(() -> {
            try {
                T result = call.call();
                ui.execute(() -> {
                    if (generation.get() == mine) {
                        onResult.accept(result);
                    }
                });
            } catch (Exception e) {
                ui.execute(() -> {
                    if (generation.get() == mine) {
                        onError.accept(e);
                    }
                });
            }
        });
    }

    /** Runs a one-off action (a check-in, a mark-as-read); every outcome is applied, none is dropped as stale. */
    public <T> void run(Callable<T> call, Consumer<? super T> onResult, Consumer<? super Exception> onError) {
        background.execute(() -> {
            try {
                T result = call.call();
                ui.execute(() -> onResult.accept(result));
            } catch (Exception e) {
                ui.execute(() -> onError.accept(e));
            }
        });
    }
}
