package app.roomwatch.console.admin;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.status.ServerReach;
import app.roomwatch.console.ui.NeedsServer;
import app.roomwatch.model.api.admin.ScheduledCheckoutRecord;
import app.roomwatch.model.api.admin.StudentRecord;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Scheduled check-outs: planned, done and cancelled ones, newest due first; plan one, cancel a pending one. */
final class ScheduleSection extends VBox {

    private final ScheduleAdminViewModel model;
    private final Messages messages;

    ScheduleSection(ScheduleAdminViewModel model, Messages messages, ZoneId zone, ServerReach reach) {
        this.model = model;
        this.messages = messages;
        DateTimeFormatter due = AdminControls.dateTime(messages);
        AdminRows<ScheduledCheckoutRecord> rows = model.rows();
        TableView<ScheduledCheckoutRecord> table = AdminControls.table(
                "admin-schedule-table", rows, rows.rows().items(), messages.get("admin.schedule.none"));
        table.getColumns()
                .addAll(
                        AdminControls.column(messages.get("admin.schedule.child"), 260, model::childName),
                        AdminControls.column(
                                messages.get("admin.schedule.due"),
                                200,
                                p -> due.format(p.dueAt().atZone(zone))),
                        AdminControls.column(
                                messages.get("admin.schedule.status"),
                                160,
                                p -> messages.get("admin.schedule.status." + p.status())));
        Button plan = AdminControls.button("admin-schedule-plan", messages.get("admin.schedule.plan"), Feather.CLOCK);
        Button cancel = AdminControls.button("admin-schedule-cancel", messages.get("admin.schedule.cancel"), Feather.X);
        var selected = table.getSelectionModel().selectedItemProperty();
        var notPending = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected.get() == null || !ScheduleAdminViewModel.pending(selected.get()), selected);
        plan.setOnAction(e -> plan());
        cancel.setOnAction(e -> {
            ScheduledCheckoutRecord planned = rows.rows().selected();
            if (planned != null) {
                model.cancel(planned);
            }
        });
        AdminControls.page(
                this,
                AdminControls.toolbar(
                        new NeedsServer(plan, reach),
                        null,
                        new NeedsServer(cancel, reach).alsoDisabledWhen(notPending)),
                AdminControls.message("admin-schedule-message", rows),
                table);
    }

    private void plan() {
        TextField search = AdminDialogs.field("admin-schedule-search");
        search.setPromptText(messages.get("admin.children.filter"));
        FilteredList<StudentRecord> found = new FilteredList<>(model.children());
        search.textProperty().subscribe(text -> found.setPredicate(child -> starts(child, text)));
        ListView<StudentRecord> children = new ListView<>(found);
        children.setId("admin-schedule-children");
        children.setFixedCellSize(AdminControls.ROW_HEIGHT);
        children.setPrefHeight(AdminControls.ROW_HEIGHT * 6 + 4);
        children.setCellFactory(view ->
                AdminDialogs.cell(child -> ChildrenAdminViewModel.shortName(child) + " (" + child.schoolClass() + ")"));
        DatePicker day = new DatePicker(LocalDate.now());
        day.setId("admin-schedule-day");
        TextField time = AdminDialogs.field("admin-schedule-time");
        time.setPromptText("15:30");
        time.setPrefColumnCount(6);
        GridPane form = AdminDialogs.grid();
        form.addRow(0, new Label(messages.get("admin.schedule.child")), search);
        form.add(children, 1, 1);
        form.addRow(2, new Label(messages.get("admin.schedule.day")), day);
        form.addRow(3, new Label(messages.get("admin.schedule.time")), time);
        Dialog<ButtonType> dialog = AdminDialogs.form(
                messages,
                getScene().getWindow(),
                messages.get("admin.schedule.plan.title"),
                "admin-schedule-dialog",
                form);
        AdminDialogs.okDisabledWhile(
                dialog,
                children.getSelectionModel()
                        .selectedItemProperty()
                        .isNull()
                        .or(time.textProperty().isEmpty())
                        .or(day.valueProperty().isNull()));
        if (AdminDialogs.confirmed(dialog)) {
            model.plan(children.getSelectionModel().getSelectedItem(), day.getValue(), time.getText());
        }
    }

    private static boolean starts(StudentRecord child, String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String word = text.strip().toLowerCase(Locale.ROOT);
        return child.firstName().toLowerCase(Locale.ROOT).startsWith(word)
                || child.lastName().toLowerCase(Locale.ROOT).startsWith(word)
                || (child.firstName() + " " + child.lastName())
                        .toLowerCase(Locale.ROOT)
                        .startsWith(word);
    }
}
