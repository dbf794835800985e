package app.roomwatch.console.fx;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The console's one crossing onto the JavaFX application thread: everything that arrives on other threads (HTTP
 * answers, realtime events) reaches views and view-models through here. Tests use {@link #sameThread()}, which
 * runs tasks at once on the caller's thread and needs no JavaFX toolkit.
 */
public final class UiThread implements Executor {

    private final Executor executor;

    private UiThread(Executor executor) {
        this.executor = executor;
    }

    /** Runs tasks on the JavaFX application thread, in the order they were handed in. */
    public static UiThread fx() {
        return new UiThread(Platform::runLater);
    }

    /** Runs tasks at once on the calling thread: for tests and for code without a screen. */
    public static UiThread sameThread() {
        return new UiThread(Runnable::run);
    }

    /** Runs tasks on {@code executor}: for tests that step the UI thread by hand, one queued task at a time. */
    public static UiThread using(Executor executor) {
        return new UiThread(Objects.requireNonNull(executor, "executor"));
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(Objects.requireNonNull(task, "task"));
    }

    /** {@code listener}, called on this thread whichever thread calls the returned one. */
    public <T> Consumer<T> deliver(Consumer<T> listener) {
        Objects.requireNonNull(listener, "listener");
        return value -> execute(() -> listener.accept(value));
    }
}
