package app.roomwatch.console.admin;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.ErrorText;
import app.roomwatch.console.refresh.KeptSelection;
import app.roomwatch.console.refresh.Loader;
import app.roomwatch.console.refresh.TaskExecutor;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;

/**
 * What every admin section shares: its rows (selection kept by id over refetches), the newest-answer-wins loader,
 * and the one line under its toolbar that says what the last action did or why it failed. An action that
 * succeeds fetches the rows again, so the list shows what the server stored.
 */
public final class AdminRows<T> {

    private final KeptSelection<T> rows;
    private final Callable<List<T>> fetch;
    private final Loader loader;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failure = new ReadOnlyBooleanWrapper(this, "failure");

    AdminRows(Callable<List<T>> fetch, Function<T, String> idOf, TaskExecutor tasks, Messages messages) {
        this.rows = new KeptSelection<>(FXCollections.observableArrayList(), idOf);
        this.fetch = fetch;
        this.loader = tasks.loader();
        this.tasks = tasks;
        this.messages = messages;
    }

    public KeptSelection<T> rows() {
        return rows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while the line says why something failed. */
    public ReadOnlyBooleanProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public void reload() {
        loader.load(
                fetch,
                next -> {
                    rows.replace(next);
                    if (failure.get()) {
                        say("");
                    }
                },
                e -> failed("admin.loadFailed", e));
    }

    /**
     * Runs {@code call}; on success says {@code doneKey} with {@code args} and fetches the rows again, on failure
     * says why. A 409 is worded by {@code conflictKey} (same args) when the action has a reason of its own to be
     * refused, e.g. a child who is still checked in.
     */
    <R> void act(Callable<R> call, Consumer<R> then, String conflictKey, String doneKey, Object... args) {
        say("");
        tasks.execute(
                call,
                result -> {
                    say(doneKey, args);
                    then.accept(result);
                    reload();
                },
                e -> {
                    if (conflictKey != null && ErrorText.problem(e) == ErrorText.Problem.CHANGED_MEANWHILE) {
                        message.set(messages.get(conflictKey, args));
                        failure.set(true);
                    } else {
                        failed("admin.failed", e);
                    }
                });
    }

    <R> void act(Callable<R> call, String doneKey, Object... args) {
        act(call, ignored -> {}, null, doneKey, args);
    }

    /** Says {@code key} with {@code args}; an empty key clears the line. */
    void say(String key, Object... args) {
        failure.set(false);
        message.set(key.isEmpty() ? "" : messages.get(key, args));
    }

    /** Says, marked as an error, why something was not done (a field missing, a file too large). */
    void refuse(String key, Object... args) {
        message.set(messages.get(key, args));
        failure.set(true);
    }

    /** Says why {@code e} failed, in the sentence of {@code key}. */
    void failed(String key, Exception e) {
        message.set(messages.get(key, ErrorText.of(e, messages)));
        failure.set(true);
    }
}
