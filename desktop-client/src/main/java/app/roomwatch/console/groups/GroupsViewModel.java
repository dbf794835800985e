package app.roomwatch.console.groups;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.Coalescer;
import app.roomwatch.console.refresh.ErrorText;
import app.roomwatch.console.refresh.KeptSelection;
import app.roomwatch.console.refresh.Loader;
import app.roomwatch.console.time.Scheduler;
import app.roomwatch.model.api.ActiveGroupView;
import app.roomwatch.model.api.Person;
import app.roomwatch.model.api.RoomView;
import app.roomwatch.model.api.StudentSummary;
import app.roomwatch.model.api.VisitDisplay;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * My groups: the activities the signed-in supervisor runs, the children in each with their check-in time, and what
 * a supervisor does by hand: check a child in (found by search) or out, start and end an activity, change who
 * supervises it. Each group's children are refetched on their own, coalesced, when its events arrive.
 */
public final class GroupsViewModel {

    private final GroupsApi api;
    private final Executor background;
    private final Executor ui;
    private final Scheduler scheduler;
    private final Messages messages;
    private final Supplier<Person> me;

    private final Loader groupsLoader;
    private final Coalescer groupsRefetch;
    private final Map<String, GroupChildren> childrenByGroup = new HashMap<>();
    private final Loader searchLoader;

    private final KeptSelection<ActiveGroupView> groups =
            new KeptSelection<>(FXCollections.observableArrayList(), ActiveGroupView::id);
    private final KeptSelection<VisitDisplay> children =
            new KeptSelection<>(FXCollections.observableArrayList(), VisitDisplay::visitId);
    private final ObservableList<StudentSummary> searchResults = FXCollections.observableArrayList();
    private final ObservableList<RoomView> freeRooms = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private List<ActiveGroupView> allGroups = List.of();
    private Runnable groupsCountChanged = () -> {};

    public GroupsViewModel(
            GroupsApi api,
            Executor background,
            Executor ui,
            Scheduler scheduler,
            Messages messages,
            Supplier<Person> me) {
        this.api = api;
        this.background = background;
        this.ui = ui;
        this.scheduler = scheduler;
        this.messages = messages;
        this.me = me;
        this.groupsLoader = new Loader(background, ui);
        this.searchLoader = new Loader(background, ui);
        this.groupsRefetch = new Coalescer(scheduler, Coalescer.WINDOW, this::reloadGroups);
        groups.selectedIdProperty().addListener((obs, was, now) -> showChildrenOfSelected());
    }

    /** The supervisor's running activities; the selected one's children are in {@link #children()}. */
    public KeptSelection<ActiveGroupView> groups() {
        return groups;
    }

    public KeptSelection<VisitDisplay> children() {
        return children;
    }

    public ObservableList<StudentSummary> searchResults() {
        return searchResults;
    }

    /** Rooms with nothing running, for starting an activity; filled by {@link #loadFreeRooms()}. */
    public ObservableList<RoomView> freeRooms() {
        return freeRooms;
    }

    /** What the last action did or why it failed, in words; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** How many children are in {@code group} now. */
    public int childCount(String activeGroupId) {
        GroupChildren known = childrenByGroup.get(activeGroupId);
        return known == null ? 0 : known.visits.size();
    }

    public void reload() {
        groupsRefetch.cancel();
        reloadGroups();
    }

    /** {@code activity_start}, {@code activity_end} or {@code supervision_changed}: which groups are mine changed. */
    public void onGroupsChanged() {
        groupsRefetch.trigger();
    }

    /** {@code student_checkin} or {@code student_checkout} in one active group. */
    public void onChildrenChanged(String activeGroupId) {
        GroupChildren known = childrenByGroup.get(activeGroupId);
        if (known != null) {
            known.refetch.trigger();
        } else {
            // A group we do not know yet (just started, or supervision was just given): the group list decides.
            groupsRefetch.trigger();
        }
    }

    /** Looks children up by name for a manual check-in; newer searches win over slower older ones. */
    public void search(String query) {
        if (query == null || query.isBlank()) {
            searchResults.clear();
            return;
        }
        searchLoader.load(() -> api.students(query.strip()), searchResults::setAll, this::fail);
    }

    /** Checks {@code student} in to the selected group. */
    public void checkIn(StudentSummary student) {
        ActiveGroupView group = groups.selected();
        if (group == null) {
            message.set(messages.get("groups.selectGroupFirst"));
            return;
        }
        String name = student.firstName() + " " + student.lastName();
        act(
                () -> {
                    api.checkIn(group.id(), student.id());
                    return null;
                },
                messages.get("groups.checkedIn", name, group.name()),
                () -> onChildrenChanged(group.id()));
    }

    public void checkOut(VisitDisplay visit) {
        String groupId = groups.selectedIdProperty().get();
        act(
                () -> {
                    api.checkOut(visit.visitId());
                    return null;
                },
                messages.get("groups.checkedOut", visit.studentName()),
                () -> {
                    if (groupId != null) {
                        onChildrenChanged(groupId);
                    }
                });
    }

    public void loadFreeRooms() {
        new Loader(background, ui)
                .load(
                        () -> api.rooms().stream()
                                .filter(r -> r.activeGroup() == null)
                                .toList(),
                        freeRooms::setAll,
                        this::fail);
    }

    /** Starts an activity in {@code roomId}, supervised by the signed-in staff member. */
    public void startActivity(String name, String roomId) {
        if (name == null || name.isBlank() || roomId == null) {
            message.set(messages.get("groups.startNeedsNameAndRoom"));
            return;
        }
        act(
                () -> {
                    api.startActivity(name.strip(), roomId, List.of(me.get().id()));
                    return null;
                },
                messages.get("groups.started", name.strip()),
                this::onGroupsChanged);
    }

    public void endActivity(ActiveGroupView group) {
        act(
                () -> {
                    api.endActivity(group.id());
                    return null;
                },
                messages.get("groups.ended", group.name()),
                this::onGroupsChanged);
    }

    public void changeSupervisors(ActiveGroupView group, List<String> supervisorIds) {
        if (supervisorIds.isEmpty()) {
            message.set(messages.get("groups.needsSupervisor"));
            return;
        }
        act(
                () -> {
                    api.changeSupervisors(group.id(), supervisorIds);
                    return null;
                },
                messages.get("groups.supervisorsChanged", group.name()),
                this::onGroupsChanged);
    }

    /**
     * The staff a supervisor can hand a group to: everyone seen supervising something, and the supervisor. The
     * API gives supervisors no staff list, and these are the colleagues on duty.
     */
    public List<Person> supervisorCandidates(Collection<ActiveGroupView> allGroups) {
        Map<String, Person> byId = new LinkedHashMap<>();
        byId.put(me.get().id(), me.get());
        allGroups.forEach(g -> g.supervisors().forEach(p -> byId.putIfAbsent(p.id(), p)));
        return List.copyOf(byId.values());
    }

    /** Every running group, supervised by me or not, for {@link #supervisorCandidates}. */
    public List<ActiveGroupView> allGroups() {
        return List.copyOf(allGroups);
    }

    public void clearMessage() {
        message.set("");
    }

    private void reloadGroups() {
        groupsLoader.load(api::activeGroups, this::showGroups, this::fail);
    }

    private void showGroups(List<ActiveGroupView> all) {
        allGroups = List.copyOf(all);
        List<ActiveGroupView> mine =
                all.stream().filter(ActiveGroupView::supervisedByMe).toList();
        childrenByGroup.keySet().removeIf(id -> {
            boolean gone = mine.stream().noneMatch(g -> g.id().equals(id));
            if (gone) {
                childrenByGroup.get(id).refetch.cancel();
            }
            return gone;
        });
        for (ActiveGroupView group : mine) {
            childrenByGroup.computeIfAbsent(group.id(), GroupChildren::new).reload();
        }
        groups.replace(mine);
        if (groups.selectedIdProperty().get() == null && !mine.isEmpty()) {
            groups.selectedIdProperty().set(mine.getFirst().id());
        }
        showChildrenOfSelected();
    }

    private void showChildrenOfSelected() {
        String id = groups.selectedIdProperty().get();
        GroupChildren known = id == null ? null : childrenByGroup.get(id);
        children.replace(known == null ? List.of() : known.visits);
    }

    private void act(Callable<Void> call, String done, Runnable after) {
        message.set("");
        new Loader(background, ui)
                .run(
                        call,
                        ignored -> {
                            message.set(done);
                            after.run();
                        },
                        this::fail);
    }

    private void fail(Exception e) {
        message.set(messages.get("groups.failed", ErrorText.of(e)));
    }

    /** One group's children and their own coalesced refetch. */
    private final class GroupChildren {
        final String activeGroupId;
        final Loader loader = new Loader(background, ui);
        final Coalescer refetch;
        List<VisitDisplay> visits = List.of();

        GroupChildren(String activeGroupId) {
            this.activeGroupId = activeGroupId;
            this.refetch = new Coalescer(scheduler, Coalescer.WINDOW, this::reload);
        }

        void reload() {
            refetch.cancel();
            loader.load(() -> api.visits(activeGroupId), this::show, GroupsViewModel.this::fail);
        }

        private void show(List<VisitDisplay> next) {
            int countBefore = visits.size();
            // Newest check-in on top: the child who just arrived is the one a supervisor looks for.
            visits = next.stream()
                    .sorted((a, b) -> b.checkedInAt().compareTo(a.checkedInAt()))
                    .toList();
            if (childrenByGroup.get(activeGroupId) == this
                    && activeGroupId.equals(groups.selectedIdProperty().get())) {
                children.replace(visits);
            }
            if (visits.size() != countBefore) {
                groupsCountChanged.run();
            }
        }
    }

    /** Called whenever a group's child count changed, so the view can repaint the counts. */
    public void setOnCountsChanged(Runnable listener) {
        this.groupsCountChanged = listener;
    }
}
