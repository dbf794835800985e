package app.roomwatch.console.refresh;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The view-models' one way to do blocking work: runs a call off the UI thread and hands its outcome back on the UI
 * thread. Injected into every view-model, never built by one, so tests hand in {@link #sameThread()} (or an
 * executor they step by hand) and run without threads or a screen.
 */
public final class TaskExecutor {

    private final Executor background;
    private final Executor ui;

    private TaskExecutor(Executor background, Executor ui) {
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** Calls on {@code background}, outcomes on {@code ui} (the console's {@code fx.UiThread}). */
    public static TaskExecutor of(Executor background, Executor ui) {
        return new TaskExecutor(background, ui);
    }

    /** Everything at once on the calling thread: for tests. */
    public static TaskExecutor sameThread() {
        return new TaskExecutor(Runnable::run, Runnable::run);
    }

    /** Runs {@code call}; exactly one of {@code onResult} or {@code onError} then runs on the UI thread. */
    public <T> void execute(Callable<T> call, Consumer<? super T> onResult, Consumer<? super Exception> onError) {
        try {
            background.execute(() -> {
                try {
                    T result = call.call();
                    ui.execute(() -> onResult.accept(result));
                } catch (Exception e) {
                    ui.execute(() -> onError.accept(e));
                }
            });
        } catch (RejectedExecutionException closing) {
            // The console is closing (its background threads are shut down) and a refetch was still queued on the UI
            // thread: no one waits for that answer any more.
        }
    }

    /** A {@link Loader} on this executor, for a list that is fetched again and again. */
    public Loader loader() {
        return new Loader(this);
    }
}
