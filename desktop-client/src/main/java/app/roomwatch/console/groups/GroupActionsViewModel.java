package app.roomwatch.console.groups;

import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.model.api.ActiveGroupView;
import app.roomwatch.model.api.Person;
import app.roomwatch.model.api.RoomView;
import app.roomwatch.model.api.StudentSummary;
import app.roomwatch.model.api.VisitDisplay;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What a supervisor does by hand on My groups: check a child in or out, start and end an activity, change who
 * supervises it. Each action says how it went and has the groups it touched refetched.
 */
public final class GroupActionsViewModel {

    private final GroupsApi api;
    private final TaskExecutor tasks;
    private final ActionMessage message;
    private final MyGroupsViewModel mine;
    private final Supplier<Person> me;
    private final ObservableList<RoomView> freeRooms = FXCollections.observableArrayList();

    GroupActionsViewModel(
            GroupsApi api, TaskExecutor tasks, ActionMessage message, MyGroupsViewModel mine, Supplier<Person> me) {
        this.api = api;
        this.tasks = tasks;
        this.message = message;
        this.mine = mine;
        this.me = me;
    }

    /** Rooms with nothing running, for starting an activity; filled by {@link #loadFreeRooms()}. */
    public ObservableList<RoomView> freeRooms() {
        return freeRooms;
    }

    /** Checks {@code student} in to the selected group. */
    public void checkIn(StudentSummary student) {
        ActiveGroupView group = mine.groups().selected();
        if (group == null) {
            message.say("groups.selectGroupFirst");
            return;
        }
        String name = student.firstName() + " " + student.lastName();
        act(
                () -> {
                    api.checkIn(group.id(), student.id());
                    return null;
                },
                () -> message.say("groups.checkedIn", name, group.name()),
                () -> mine.onChildrenChanged(group.id()));
    }

    public void checkOut(VisitDisplay visit) {
        String groupId = mine.groups().selectedIdProperty().get();
        act(
                () -> {
                    api.checkOut(visit.visitId());
                    return null;
                },
                () -> message.say("groups.checkedOut", visit.studentName()),
                () -> {
                    if (groupId != null) {
                        mine.onChildrenChanged(groupId);
                    }
                });
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
