package app.roomwatch.console.whereis;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.Coalescer;
import app.roomwatch.console.refresh.ErrorText;
import app.roomwatch.console.refresh.KeptSelection;
import app.roomwatch.console.refresh.Loader;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.time.Scheduler;
import app.roomwatch.model.api.StudentSummary;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;

/**
 * Where is: a search over every child of the tenant that answers where each one is now. The answer follows the
 * rooms: a change in any room refetches the current search (coalesced), so a scan shows here within a second.
 */
public final class WhereIsViewModel {

    private final WhereIsSource source;
    private final Loader loader;
    private final Coalescer refetch;
    private final Messages messages;
    private final KeptSelection<StudentSummary> children =
            new KeptSelection<>(FXCollections.observableArrayList(), StudentSummary::id);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private String query = "";

    public WhereIsViewModel(WhereIsSource source, TaskExecutor tasks, Scheduler scheduler, Messages messages) {
        this.source = source;
        this.loader = tasks.loader();
        this.messages = messages;
        this.refetch = new Coalescer(scheduler, Coalescer.WINDOW, this::reload);
    }

    public KeptSelection<StudentSummary> children() {
        return children;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Searches by name or class; an empty query lists children from the start of the alphabet. */
    public void search(String text) {
        query = text == null ? "" : text.strip();
        reload();
    }

    /** A child moved somewhere ({@code room_occupancy}, {@code activity_end}, a check-in or out). */
    public void onLocationsChanged() {
        refetch.trigger();
    }

    public void reload() {
        refetch.cancel();
        String current = query;
        loader.load(
                () -> source.students(current),
                this::show,
                e -> error.set(messages.get("where.loadFailed", ErrorText.of(e, messages))));
    }

    private void show(List<StudentSummary> next) {
        error.set("");
        children.replace(next);
    }
}
