package app.roomwatch.console.groups;

import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.time.Scheduler;
import app.roomwatch.console.time.Scheduler.Cancellable;
import app.roomwatch.model.api.ActiveGroupView;
import app.roomwatch.model.api.Person;
import app.roomwatch.model.api.RoomView;
import app.roomwatch.model.api.StudentSummary;
import app.roomwatch.model.api.VisitDisplay;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What a supervisor does by hand on My groups: check a child in or out, start and end an activity, change who
 * supervises it. Each action says how it went and has the groups it touched refetched; a check-in or check-out can be
 * undone for {@link #UNDO_WINDOW} from the line that confirms it.
 */
public final class GroupActionsViewModel {

    /** How long a check-in or check-out can be undone after it was confirmed. */
    public static final Duration UNDO_WINDOW = Duration.ofSeconds(10);

    private final GroupsApi api;
    private final TaskExecutor tasks;
    private final ActionMessage message;
    private final MyGroupsViewModel mine;
    private final Supplier<Person> me;
    private final Scheduler scheduler;
    private final ObservableList<RoomView> freeRooms = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper undoable = new ReadOnlyBooleanWrapper(this, "undoable");
    private Runnable pendingUndo;
    private Cancellable undoExpiry;

    GroupActionsViewModel(
            GroupsApi api,
            TaskExecutor tasks,
            Scheduler scheduler,
            ActionMessage message,
            MyGroupsViewModel mine,
            Supplier<Person> me) {
        this.api = api;
        this.tasks = tasks;
        this.scheduler = scheduler;
        this.message = message;
        this.mine = mine;
        this.me = me;
    }

    /** Rooms with nothing running, for starting an activity; filled by {@link #loadFreeRooms()}. */
    public ObservableList<RoomView> freeRooms() {
        return freeRooms;
    }

    /** True while the last check-in or check-out can still be undone. */
    public ReadOnlyBooleanProperty undoableProperty() {
        return undoable.getReadOnlyProperty();
    }

    /** Checks {@code student} in to the selected group. */
    public void checkIn(StudentSummary student) {
        ActiveGroupView group = mine.groups().selected();
        if (group == null) {
            message.say("groups.selectGroupFirst");
            return;
        }
        String name = student.firstName() + " " + student.lastName();
        forgetUndo();
        message.clear();
        tasks.execute(
                () -> api.checkIn(group.id(), student.id()),
                visit -> {
                    message.say("groups.checkedIn", name, group.name());
                    mine.onChildrenChanged(group.id());
                    offerUndo(() -> undoCheckIn(visit.visitId(), name, group.id()));
                },
                message::failed);
    }

    public void checkOut(VisitDisplay visit) {
        ActiveGroupView group = mine.groups().selected();
        act(
                () -> {
                    api.checkOut(visit.visitId());
                    return null;
                },
                () -> message.say("groups.checkedOut", visit.studentName()),
                () -> {
                    if (group != null) {
                        mine.onChildrenChanged(group.id());
                        offerUndo(() -> undoCheckOut(visit, group));
                    }
                });
    }

    /** Takes back the last check-in or check-out, if it is still less than {@link #UNDO_WINDOW} old. */
    public void undo() {
        Runnable undoing = pendingUndo;
        forgetUndo();
        if (undoing != null) {
            message.clear();
            undoing.run();
        }
    }

    /** A check-in is undone by checking the child out again. */
    private void undoCheckIn(String visitId, String name, String groupId) {
        tasks.execute(
                () -> {
                    api.checkOut(visitId);
                    return null;
                },
                ignored -> {
                    message.say("groups.undo.checkIn", name);
                    mine.onChildrenChanged(groupId);
                },
                e -> message.failed("groups.undo.checkInFailed", e, name));
    }

    /** A check-out is undone by checking the child in to the same activity again. */
    private void undoCheckOut(VisitDisplay visit, ActiveGroupView group) {
        tasks.execute(
                () -> api.checkIn(group.id(), visit.studentId()),
                ignored -> {
                    message.say("groups.undo.checkOut", visit.studentName(), group.name());
                    mine.onChildrenChanged(group.id());
                },
                e -> message.failed("groups.undo.checkOutFailed", e, visit.studentName()));
    }

    private void offerUndo(Runnable undoing) {
        forgetUndo();
        pendingUndo = undoing;
        undoable.set(true);
        undoExpiry = scheduler.schedule(UNDO_WINDOW, this::forgetUndo);
    }

    private void forgetUndo() {
        if (undoExpiry != null) {
            undoExpiry.cancel();
            undoExpiry = null;
        }
        pendingUndo = null;
        undoable.set(false);
    }

    public void loadFreeRooms() {
        tasks.execute(
                () -> api.rooms().stream().filter(r -> r.activeGroup() == null).toList(),
                freeRooms::setAll,
                message::failed);
    }

    /** Starts an activity in {@code roomId}, supervised by the signed-in staff member. */
    public void startActivity(String name, String roomId) {
        if (name == null || name.isBlank() || roomId == null) {
            message.say("groups.startNeedsNameAndRoom");
            return;
        }
        act(
                () -> {
                    api.startActivity(name.strip(), roomId, List.of(me.get().id()));
                    return null;
                },
                () -> message.say("groups.started", name.strip()),
                mine::onGroupsChanged);
    }

    public void endActivity(ActiveGroupView group) {
        act(
                () -> {
                    api.endActivity(group.id());
                    return null;
                },
                () -> message.say("groups.ended", group.name()),
                mine::onGroupsChanged);
    }

    public void changeSupervisors(ActiveGroupView group, List<String> supervisorIds) {
        if (supervisorIds.isEmpty()) {
            message.say("groups.needsSupervisor");
            return;
        }
        act(
                () -> {
                    api.changeSupervisors(group.id(), supervisorIds);
                    return null;
                },
                () -> message.say("groups.supervisorsChanged", group.name()),
                mine::onGroupsChanged);
    }

    /**
     * The staff a supervisor can hand a group to: everyone seen supervising something, and the supervisor. The
     * API gives supervisors no staff list, and these are the colleagues on duty.
     */
    public List<Person> supervisorCandidates() {
        Map<String, Person> byId = new LinkedHashMap<>();
        byId.put(me.get().id(), me.get());
        mine.allGroups().forEach(g -> g.supervisors().forEach(p -> byId.putIfAbsent(p.id(), p)));
        return List.copyOf(byId.values());
    }

    private void act(Callable<Void> call, Runnable done, Runnable after) {
        forgetUndo();
        message.clear();
        tasks.execute(
                call,
                ignored -> {
                    done.run();
                    after.run();
                },
                message::failed);
    }
}
