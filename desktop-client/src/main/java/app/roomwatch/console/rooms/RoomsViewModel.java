package app.roomwatch.console.rooms;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.Coalescer;
import app.roomwatch.console.refresh.ErrorText;
import app.roomwatch.console.refresh.KeptSelection;
import app.roomwatch.console.refresh.Loader;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.time.Scheduler;
import app.roomwatch.model.api.Person;
import app.roomwatch.model.api.RoomChild;
import app.roomwatch.model.api.RoomView;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/**
 * Live rooms: every room of the tenant, how full it is, what runs in it, who supervises it and which children are
 * inside (newest first); the selected room shows its full list with times. A filter narrows the children shown.
 */
public final class RoomsViewModel {

    private final RoomsSource source;
    private final Loader loader;
    private final Coalescer refetch;
    private final Messages messages;
    private final KeptSelection<RoomView> rooms =
            new KeptSelection<>(FXCollections.observableArrayList(), RoomView::id);
    private final ReadOnlyIntegerWrapper childrenPresent = new ReadOnlyIntegerWrapper(this, "childrenPresent");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");

    public RoomsViewModel(RoomsSource source, TaskExecutor tasks, Scheduler scheduler, Messages messages) {
        this.source = source;
        this.loader = tasks.loader();
        this.messages = messages;
        this.refetch = new Coalescer(scheduler, Coalescer.WINDOW, this::reload);
    }

    public KeptSelection<RoomView> rooms() {
        return rooms;
    }

    public ReadOnlyIntegerProperty childrenPresentProperty() {
        return childrenPresent.getReadOnlyProperty();
    }

    /** Words that a child's name or class must start with to be shown; empty shows everyone. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The room's children that pass the filter, newest arrival first. */
    public List<RoomChild> childrenShown(RoomView room) {
        String[] words = filter.get() == null || filter.get().isBlank()
                ? new String[0]
                : filter.get().strip().toLowerCase(Locale.ROOT).split("\\s+");
        return room.children().stream().filter(child -> matches(child, words)).toList();
    }

    /** Whether the filter is on and leaves none of the room's children. */
    public boolean isFilteredOut(RoomView room) {
        return filter.get() != null
                && !filter.get().isBlank()
                && childrenShown(room).isEmpty();
    }

    private static boolean matches(RoomChild child, String[] words) {
        String name = child.studentName().toLowerCase(Locale.ROOT);
        String schoolClass = child.schoolClass().toLowerCase(Locale.ROOT);
        for (String word : words) {
            boolean any = schoolClass.startsWith(word);
            for (String part : name.split("\\s+")) {
                any |= part.startsWith(word);
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Something changed in some room ({@code room_occupancy}, {@code activity_start}, {@code activity_end}). */
    public void onRoomChanged() {
        refetch.trigger();
    }

    public void reload() {
        refetch.cancel();
        loader.load(
                source::rooms, this::show, e -> error.set(messages.get("rooms.loadFailed", ErrorText.of(e, messages))));
    }

    /** "12 / 20": occupancy over capacity. */
    public String occupancyText(RoomView room) {
        return messages.get("rooms.occupancy", room.occupancy(), room.capacity());
    }

    /** How full the room is, 0 to 1 (more than 1 when over capacity). */
    public double fill(RoomView room) {
        return room.capacity() == 0 ? 0 : (double) room.occupancy() / room.capacity();
    }

    public boolean isOverCapacity(RoomView room) {
        return room.occupancy() > room.capacity();
    }

    public String activityText(RoomView room) {
        return room.activeGroup() == null
                ? messages.get("rooms.noActivity")
                : room.activeGroup().name();
    }

    public String supervisorsText(RoomView room) {
        if (room.activeGroup() == null || room.activeGroup().supervisors().isEmpty()) {
            return "";
        }
        return room.activeGroup().supervisors().stream()
                .map(Person::displayName)
                .collect(Collectors.joining(", "));
    }

    private void show(List<RoomView> next) {
        error.set("");
        rooms.replace(next);
        childrenPresent.set(next.stream().mapToInt(RoomView::occupancy).sum());
    }
}
