package app.roomwatch.console.admin;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.model.api.admin.GroupRecord;
import app.roomwatch.model.api.admin.RoomRecord;
import java.util.List;
import java.util.function.Consumer;

/** Rooms and groups: add, rename and archive them; a room's capacity; who leads each group. */
public final class PlacesAdminViewModel {

    private final AdminApi api;
    private final TaskExecutor tasks;
    private final AdminRows<RoomRecord> rooms;
    private final AdminRows<GroupRecord> groups;

    PlacesAdminViewModel(AdminApi api, TaskExecutor tasks, Messages messages) {
        this.api = api;
        this.tasks = tasks;
        this.rooms = new AdminRows<>(api::rooms, RoomRecord::id, tasks, messages);
        this.groups = new AdminRows<>(api::groups, GroupRecord::id, tasks, messages);
    }

    public AdminRows<RoomRecord> rooms() {
        return rooms;
    }

    public AdminRows<GroupRecord> groups() {
        return groups;
    }

    public void reload() {
        rooms.reload();
        groups.reload();
    }

    /** Adds a room ({@code room} null) or changes one. */
    public void saveRoom(RoomRecord room, String name, String capacity) {
        Integer places = number(capacity);
        if (name == null || name.isBlank() || places == null) {
            rooms.refuse("admin.rooms.missing");
            return;
        }
        rooms.act(
                () -> {
                    api.saveRoom(room == null ? null : room.id(), name.strip(), places);
                    return null;
                },
                ignored -> {},
                "admin.rooms.nameTaken",
                room == null ? "admin.rooms.added" : "admin.rooms.changed",
                name.strip());
    }

    /** Archives a room; its scanners are revoked with it. Refused while an activity runs in it. */
    public void archiveRoom(RoomRecord room) {
        rooms.act(
                () -> {
                    api.archiveRoom(room.id());
                    return null;
                },
                ignored -> {},
                "admin.rooms.archive.busy",
                "admin.rooms.archived",
                room.name());
    }

    /** Adds a group ({@code group} null) or renames one. */
    public void saveGroup(GroupRecord group, String name) {
        if (name == null || name.isBlank()) {
            groups.refuse("admin.groups.missing");
            return;
        }
        groups.act(
                () -> {
                    api.saveGroup(group == null ? null : group.id(), name.strip());
                    return null;
                },
                ignored -> {},
                "admin.groups.nameTaken",
                group == null ? "admin.groups.added" : "admin.groups.changed",
                name.strip());
    }

    public void archiveGroup(GroupRecord group) {
        groups.act(
                () -> {
                    api.archiveGroup(group.id());
                    return null;
                },
                "admin.groups.archived",
                group.name());
    }

    /** Fetches who leads the group now and hands their ids to {@code show}; a failure is said on the groups' line. */
    public void leads(GroupRecord group, Consumer<List<String>> show) {
        tasks.execute(() -> api.leads(group.id()), show, e -> groups.failed("admin.failed", e));
    }

    /** Makes exactly {@code staffIds} the group's leads. */
    public void changeLeads(GroupRecord group, List<String> staffIds) {
        groups.act(
                () -> {
                    api.changeLeads(group.id(), staffIds);
                    return null;
                },
                "admin.groups.leadsChanged",
                group.name(),
                staffIds.size());
    }

    private static Integer number(String text) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.strip());
            return value < 0 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
