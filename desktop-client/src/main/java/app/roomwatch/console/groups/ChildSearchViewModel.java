package app.roomwatch.console.groups;

import app.roomwatch.console.refresh.Loader;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.model.api.StudentSummary;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Finds children by name for a manual check-in; a newer search wins over a slower older one. */
public final class ChildSearchViewModel {

    private final GroupsApi api;
    private final ActionMessage message;
    private final Loader loader;
    private final ObservableList<StudentSummary> results = FXCollections.observableArrayList();

    ChildSearchViewModel(GroupsApi api, TaskExecutor tasks, ActionMessage message) {
        this.api = api;
        this.message = message;
        this.loader = tasks.loader();
    }

    public ObservableList<StudentSummary> results() {
        return results;
    }

    public void search(String query) {
        if (query == null || query.isBlank()) {
            results.clear();
            return;
        }
        loader.load(() -> api.students(query.strip()), results::setAll, message::failed);
    }
}
