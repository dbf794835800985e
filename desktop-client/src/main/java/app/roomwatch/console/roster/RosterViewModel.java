package app.roomwatch.console.roster;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.Coalescer;
import app.roomwatch.console.refresh.ErrorText;
import app.roomwatch.console.refresh.KeptSelection;
import app.roomwatch.console.refresh.Loader;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.time.Scheduler;
import app.roomwatch.model.api.LedGroup;
import app.roomwatch.model.api.LocationState;
import app.roomwatch.model.api.RosterChild;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * My group roster: for a group's leads, every child of the group with where it is now, the children in no room
 * first, because those are the ones to look for. Follows the rooms like Where is (coalesced refetch).
 */
public final class RosterViewModel {

    private static final Comparator<RosterChild> IN_NO_ROOM_FIRST = Comparator.<RosterChild, Boolean>comparing(
                    child -> child.location().state() == LocationState.IN_ROOM)
            .thenComparing(RosterChild::studentName);

    private final RosterSource source;
    private final Loader groupsLoader;
    private final Loader rosterLoader;
    private final Coalescer refetch;
    private final Messages messages;
    private final KeptSelection<LedGroup> groups =
            new KeptSelection<>(FXCollections.observableArrayList(), LedGroup::id);
    private final ObservableList<RosterChild> all = FXCollections.observableArrayList();
    private final KeptSelection<RosterChild> children =
            new KeptSelection<>(FXCollections.observableArrayList(), RosterChild::studentId);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public RosterViewModel(RosterSource source, TaskExecutor tasks, Scheduler scheduler, Messages messages) {
        this.source = source;
        this.groupsLoader = tasks.loader();
        this.rosterLoader = tasks.loader();
        this.messages = messages;
        this.refetch = new Coalescer(scheduler, Coalescer.WINDOW, this::reloadRoster);
        groups.selectedIdProperty().addListener((obs, was, now) -> reloadRoster());
        filter.addListener((obs, was, now) -> showFiltered());
    }

    /** The groups the user leads; the selected one's children are in {@link #children()}. */
    public KeptSelection<LedGroup> groups() {
        return groups;
    }

    /** The selected group's children that pass the filter, those in no room first. */
    public KeptSelection<RosterChild> children() {
        return children;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** How many of the group's children are in no room now. */
    public long inNoRoom() {
        return all.stream()
                .filter(child -> child.location().state() != LocationState.IN_ROOM)
                .count();
    }

    public int total() {
        return all.size();
    }

    /** A child moved somewhere. */
    public void onLocationsChanged() {
        refetch.trigger();
    }

    public void reload() {
        groupsLoader.load(source::groupsILead, this::showGroups, this::failed);
    }

    private void showGroups(List<LedGroup> mine) {
        groups.replace(mine);
        if (groups.selected() == null && !mine.isEmpty()) {
            groups.selectedIdProperty().set(mine.getFirst().id());
        } else {
            reloadRoster();
        }
    }

    private void reloadRoster() {
        refetch.cancel();
        String id = groups.selectedIdProperty().get();
        if (id == null) {
            all.clear();
            showFiltered();
            return;
        }
        rosterLoader.load(
                () -> source.roster(id),
                roster -> {
                    error.set("");
                    all.setAll(roster.stream().sorted(IN_NO_ROOM_FIRST).toList());
                    showFiltered();
                },
                this::failed);
    }

    private void showFiltered() {
        String text = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        children.replace(all.stream()
                .filter(child -> text.isEmpty()
                        || child.studentName().toLowerCase(Locale.ROOT).contains(text)
                        || child.schoolClass().toLowerCase(Locale.ROOT).startsWith(text))
                .toList());
    }

    private void failed(Exception e) {
        error.set(messages.get("roster.loadFailed", ErrorText.of(e, messages)));
    }
}
