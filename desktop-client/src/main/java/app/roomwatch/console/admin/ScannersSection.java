package app.roomwatch.console.admin;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.status.ServerReach;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.NeedsServer;
import app.roomwatch.console.ui.StyleState;
import app.roomwatch.model.api.admin.DeviceMode;
import app.roomwatch.model.api.admin.DeviceRecord;
import app.roomwatch.model.api.admin.RoomRecord;
import app.roomwatch.model.event.DeviceStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * Scanners: each one's room, status (online, silent, revoked, live), last report and mode; register one, rotate
 * its key, revoke it. A new key is shown once, in its own dialog.
 */
final class ScannersSection extends VBox {

    private static final List<String> STATES =
            List.of(ConsoleStyles.LIVE, ConsoleStyles.POLLING, ConsoleStyles.OFFLINE);

    private final ScannersAdminViewModel model;
    private final Messages messages;
    private final DateTimeFormatter seen;
    private final ZoneId zone;

    ScannersSection(ScannersAdminViewModel model, Messages messages, ZoneId zone, ServerReach reach) {
        this.model = model;
        this.messages = messages;
        this.zone = zone;
        this.seen = AdminControls.dateTime(messages);
        AdminRows<DeviceRecord> rows = model.rows();
        TableView<DeviceRecord> table = AdminControls.table(
                "admin-scanners-table", rows, rows.rows().items(), messages.get("admin.scanners.none"));
        TableColumn<DeviceRecord, String> status =
                AdminControls.column(messages.get("admin.scanners.status"), 120, this::statusText);
        status.setCellFactory(column -> new StatusCell());
        table.getColumns()
                .addAll(
                        AdminControls.column(messages.get("admin.scanners.name"), 220, DeviceRecord::name),
                        AdminControls.column(messages.get("admin.scanners.room"), 180, model::roomName),
                        status,
                        AdminControls.column(messages.get("admin.scanners.lastSeen"), 170, this::lastSeen),
                        AdminControls.column(messages.get("admin.scanners.mode"), 220, this::modeText));

        Button register =
                AdminControls.button("admin-scanners-register", messages.get("admin.scanners.register"), Feather.PLUS);
        Button rotate = AdminControls.button(
                "admin-scanners-rotate", messages.get("admin.scanners.rotate"), Feather.REFRESH_CW);
        Button revoke =
                AdminControls.button("admin-scanners-revoke", messages.get("admin.scanners.revoke"), Feather.X_CIRCLE);
        var selected = table.getSelectionModel().selectedItemProperty();
        var unusable = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected.get() == null || !ScannersAdminViewModel.usable(selected.get()), selected);
        register.setOnAction(e -> register());
        rotate.setOnAction(e -> {
            DeviceRecord scanner = rows.rows().selected();
            if (scanner != null
                    && AdminDialogs.confirm(
                            messages,
                            getScene().getWindow(),
                            "admin-rotate-dialog",
                            messages.get("admin.scanners.rotate.title", scanner.name()),
                            messages.get("admin.scanners.rotate.consequence", scanner.name()),
                            messages.get("admin.scanners.rotate.button"))) {
                model.rotate(scanner);
            }
        });
        revoke.setOnAction(e -> {
            DeviceRecord scanner = rows.rows().selected();
            if (scanner != null
                    && AdminDialogs.confirm(
                            messages,
                            getScene().getWindow(),
                            "admin-revoke-dialog",
                            messages.get("admin.scanners.revoke.title", scanner.name()),
                            messages.get("admin.scanners.revoke.consequence", scanner.name()),
                            messages.get("admin.scanners.revoke.button"))) {
                model.revoke(scanner);
            }
        });
        model.keyProperty().subscribe(key -> {
            if (key != null) {
                KeyDialog.show(key, messages, getScene().getWindow());
                model.keyShown();
            }
        });

        AdminControls.page(
                this,
                AdminControls.toolbar(
                        new NeedsServer(register, reach),
                        null,
                        new NeedsServer(rotate, reach).alsoDisabledWhen(unusable),
                        new NeedsServer(revoke, reach).alsoDisabledWhen(unusable)),
                AdminControls.message("admin-scanners-message", rows),
                table);
    }

    private void register() {
        TextField name = AdminDialogs.field("admin-scanner-name");
        ComboBox<RoomRecord> room = AdminDialogs.choice("admin-scanner-room", model.rooms(), RoomRecord::name);
        GridPane form = AdminDialogs.grid();
        form.addRow(0, new Label(messages.get("admin.scanners.name")), name);
        form.addRow(1, new Label(messages.get("admin.scanners.room")), room);
        Dialog<ButtonType> dialog = AdminDialogs.form(
                messages,
                getScene().getWindow(),
                messages.get("admin.scanners.register.title"),
                "admin-scanner-dialog",
                form);
        AdminDialogs.okDisabledWhile(
                dialog, name.textProperty().isEmpty().or(room.valueProperty().isNull()));
        if (AdminDialogs.confirmed(dialog)) {
            model.register(name.getText(), room.getValue());
        }
    }

    private String statusText(DeviceRecord scanner) {
        if (ScannersAdminViewModel.awaitingFirstReport(scanner)) {
            return messages.get("admin.scanners.status.new");
        }
        return messages.get("admin.scanners.status." + scanner.status().wireName());
    }

    private String lastSeen(DeviceRecord scanner) {
        return scanner.lastSeenAt() == null
                ? messages.get("admin.scanners.never")
                : seen.format(scanner.lastSeenAt().atZone(zone));
    }

    private String modeText(DeviceRecord scanner) {
        if (scanner.status() == DeviceStatus.REVOKED) {
            return "";
        }
        if (scanner.mode() == DeviceMode.ASSIGN) {
            return scanner.lastTag() == null
                    ? messages.get("admin.scanners.mode.assign")
                    : messages.get("admin.scanners.mode.assignRead", scanner.lastTag());
        }
        return messages.get("admin.scanners.mode.scan");
    }

    /** The status in words with the status light's colours: green online, blue silent, red revoked. */
    private final class StatusCell extends TableCell<DeviceRecord, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            DeviceRecord scanner = empty ? null : getTableRow().getItem();
            setText(empty ? null : text);
            StyleState.set(
                    getStyleClass(),
                    scanner == null || ScannersAdminViewModel.awaitingFirstReport(scanner)
                            ? null
                            : switch (scanner.status()) {
                                case ONLINE -> ConsoleStyles.LIVE;
                                case SILENT -> ConsoleStyles.POLLING;
                                case REVOKED -> ConsoleStyles.OFFLINE;
                            },
                    STATES);
        }
    }
}
