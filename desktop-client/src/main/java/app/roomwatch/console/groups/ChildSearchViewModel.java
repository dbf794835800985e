package app.roomwatch.console.groups;

import app.roomwatch.console.refresh.Loader;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.model.api.LocationState;
import app.roomwatch.model.api.StudentSummary;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Finds children by name for a manual check-in, each with where it is now; a child already in the selected group is
 * not offered. A newer search wins over a slower older one.
 */
public final class ChildSearchViewModel {

    private final GroupsApi api;
    private final ActionMessage message;
    private final Loader loader;
    private final ObservableList<StudentSummary> results = FXCollections.observableArrayList();

    private final Supplier<String> selectedGroupId;

    ChildSearchViewModel(GroupsApi api, TaskExecutor tasks, ActionMessage message, Supplier<String> selectedGroupId) {
        this.api = api;
        this.selectedGroupId = selectedGroupId;
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
        loader.load(() -> api.students(query.strip()), this::show, message::failed);
    }

    private void show(List<StudentSummary> found) {
        String group = selectedGroupId.get();
        results.setAll(found.stream()
                .filter(child -> group == null
                        || child.location() == null
                        || !group.equals(child.location().activeGroupId())
                        || child.location().state() != LocationState.IN_ROOM)
                .toList());
    }
}
