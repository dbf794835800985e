package app.roomwatch.console.groups;

import app.roomwatch.console.api.ApiException;
import app.roomwatch.console.refresh.Coalescer;
import app.roomwatch.console.refresh.KeptSelection;
import app.roomwatch.console.refresh.Loader;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.time.Scheduler;
import app.roomwatch.model.api.ActiveGroupView;
import app.roomwatch.model.api.VisitDisplay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;

/**
 * The activities the signed-in supervisor runs and the children in each, with their check-in time. The group list
 * and each group's children are refetched on their own, coalesced, when their events arrive.
 */
public final class MyGroupsViewModel {

    private final GroupsApi api;
    private final TaskExecutor tasks;
    private final Scheduler scheduler;
    private final ActionMessage message;
    private final Loader groupsLoader;
    private final Coalescer groupsRefetch;
    private final Map<String, GroupChildren> childrenByGroup = new HashMap<>();
    private final KeptSelection<ActiveGroupView> groups =
            new KeptSelection<>(FXCollections.observableArrayList(), ActiveGroupView::id);
    private final KeptSelection<VisitDisplay> children =
            new KeptSelection<>(FXCollections.observableArrayList(), VisitDisplay::visitId);
    private List<ActiveGroupView> allGroups = List.of();
    private Runnable countsChanged = () -> {};

    MyGroupsViewModel(GroupsApi api, TaskExecutor tasks, Scheduler scheduler, ActionMessage message) {
        this.api = api;
        this.tasks = tasks;
        this.scheduler = scheduler;
        this.message = message;
        this.groupsLoader = tasks.loader();
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

    /** How many children are in {@code group} now. */
    public int childCount(String activeGroupId) {
        GroupChildren known = childrenByGroup.get(activeGroupId);
        return known == null ? 0 : known.visits.size();
    }

    /** Every running group, supervised by me or not: the colleagues on duty are among their supervisors. */
    public List<ActiveGroupView> allGroups() {
        return allGroups;
    }

    /** Called whenever a group's child count changed, so the view can repaint the counts. */
    public void setOnCountsChanged(Runnable listener) {
        this.countsChanged = listener;
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

    private void reloadGroups() {
        groupsLoader.load(api::activeGroups, this::showGroups, message::failed);
    }

    private void showGroups(List<ActiveGroupView> all) {
        message.succeeded();
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

    /** One group's children and their own coalesced refetch. */
    private final class GroupChildren {
        final String activeGroupId;
        final Loader loader = tasks.loader();
        final Coalescer refetch;
        List<VisitDisplay> visits = List.of();

        GroupChildren(String activeGroupId) {
            this.activeGroupId = activeGroupId;
            this.refetch = new Coalescer(scheduler, Coalescer.WINDOW, this::reload);
        }

        void reload() {
            refetch.cancel();
            loader.load(() -> api.visits(activeGroupId), this::show, this::failed);
        }

        private void failed(Exception e) {
            // The activity has just ended (its last check-outs arrive before activity_end): not an error to show;
            // the group list is fetched again and drops it.
            if (e instanceof ApiException refused && refused.status() == 404) {
                onGroupsChanged();
            } else {
                message.failed(e);
            }
        }

        private void show(List<VisitDisplay> next) {
            message.succeeded();
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
                countsChanged.run();
            }
        }
    }
}
