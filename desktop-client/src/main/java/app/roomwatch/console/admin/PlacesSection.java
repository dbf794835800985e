package app.roomwatch.console.admin;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.status.ServerReach;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.NeedsServer;
import app.roomwatch.model.api.admin.GroupRecord;
import app.roomwatch.model.api.admin.RoomRecord;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * Rooms and groups side by side: add, edit and archive each; who leads a group. The actions on the selected row sit
 * under its table, so each half's buttons fit in German at the window's default width.
 */
final class PlacesSection extends SplitPane {

    private final Messages messages;
    private final ServerReach reach;

    PlacesSection(PlacesAdminViewModel model, StaffAdminViewModel staff, Messages messages, ServerReach reach) {
        this.messages = messages;
        this.reach = reach;
        getItems().addAll(rooms(model), groups(model, staff.rows().rows().items()));
        setDividerPositions(0.5);
    }

    private VBox rooms(PlacesAdminViewModel model) {
        AdminRows<RoomRecord> rows = model.rooms();
        TableView<RoomRecord> table =
                AdminControls.table("admin-rooms-table", rows, rows.rows().items(), messages.get("admin.rooms.none"));
        table.getColumns()
                .addAll(
                        AdminControls.column(messages.get("admin.rooms.name"), 240, RoomRecord::name),
                        AdminControls.column(
                                messages.get("admin.rooms.capacity"), 120, r -> Integer.toString(r.capacity())));
        Button add = AdminControls.button("admin-rooms-add", messages.get("admin.rooms.add"), Feather.PLUS);
        Button edit = AdminControls.button("admin-rooms-edit", messages.get("admin.edit"), Feather.EDIT_2);
        Button archive = AdminControls.button("admin-rooms-archive", messages.get("admin.archive"), Feather.ARCHIVE);
        var none = table.getSelectionModel().selectedItemProperty().isNull();
        add.setOnAction(e -> AdminDialogs.room(model, null, messages, getScene().getWindow()));
        edit.setOnAction(e -> AdminDialogs.room(
                model, rows.rows().selected(), messages, getScene().getWindow()));
        archive.setOnAction(e -> {
            RoomRecord room = rows.rows().selected();
            if (room != null
                    && AdminDialogs.confirm(
                            messages,
                            getScene().getWindow(),
                            "admin-archive-room-dialog",
                            messages.get("admin.rooms.archive.title", room.name()),
                            messages.get("admin.rooms.archive.consequence", room.name()),
                            messages.get("admin.rooms.archive.button"))) {
                model.archiveRoom(room);
            }
        });
        VBox pane = new VBox();
        AdminControls.page(
                pane,
                AdminControls.toolbar(heading("admin.rooms.title"), null, new NeedsServer(add, reach)),
                AdminControls.message("admin-rooms-message", rows),
                table,
                AdminControls.toolbar(
                        new NeedsServer(edit, reach).alsoDisabledWhen(none),
                        new NeedsServer(archive, reach).alsoDisabledWhen(none)));
        return pane;
    }

    private VBox groups(PlacesAdminViewModel model, List<app.roomwatch.model.api.admin.StaffAccount> staff) {
        AdminRows<GroupRecord> rows = model.groups();
        TableView<GroupRecord> table =
                AdminControls.table("admin-groups-table", rows, rows.rows().items(), messages.get("admin.groups.none"));
        table.getColumns().add(AdminControls.column(messages.get("admin.groups.name"), 240, GroupRecord::name));
        Button add = AdminControls.button("admin-groups-add", messages.get("admin.groups.add"), Feather.PLUS);
        Button edit = AdminControls.button("admin-groups-edit", messages.get("admin.rename"), Feather.EDIT_2);
        Button leads = AdminControls.button("admin-groups-leads", messages.get("admin.groups.leads"), Feather.USERS);
        Button archive = AdminControls.button("admin-groups-archive", messages.get("admin.archive"), Feather.ARCHIVE);
        var none = table.getSelectionModel().selectedItemProperty().isNull();
        add.setOnAction(
                e -> AdminDialogs.group(model, null, messages, getScene().getWindow()));
        edit.setOnAction(e -> AdminDialogs.group(
                model, rows.rows().selected(), messages, getScene().getWindow()));
        leads.setOnAction(e -> {
            GroupRecord group = rows.rows().selected();
            if (group != null) {
                model.leads(
                        group,
                        current -> AdminDialogs.leads(
                                model,
                                group,
                                current,
                                staff,
                                messages,
                                getScene().getWindow()));
            }
        });
        archive.setOnAction(e -> {
            GroupRecord group = rows.rows().selected();
            if (group != null
                    && AdminDialogs.confirm(
                            messages,
                            getScene().getWindow(),
                            "admin-archive-group-dialog",
                            messages.get("admin.groups.archive.title", group.name()),
                            messages.get("admin.groups.archive.consequence", group.name()),
                            messages.get("admin.groups.archive.button"))) {
                model.archiveGroup(group);
            }
        });
        VBox pane = new VBox();
        AdminControls.page(
                pane,
                AdminControls.toolbar(heading("admin.groups.title"), null, new NeedsServer(add, reach)),
                AdminControls.message("admin-groups-message", rows),
                table,
                AdminControls.toolbar(
                        new NeedsServer(edit, reach).alsoDisabledWhen(none),
                        new NeedsServer(leads, reach).alsoDisabledWhen(none),
                        new NeedsServer(archive, reach).alsoDisabledWhen(none)));
        return pane;
    }

    private Label heading(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add(ConsoleStyles.GROUP_TITLE);
        return label;
    }
}
