package app.roomwatch.console.admin;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.Icons;
import app.roomwatch.model.api.admin.DeviceMode;
import app.roomwatch.model.api.admin.DeviceRecord;
import app.roomwatch.model.api.admin.GroupRecord;
import app.roomwatch.model.api.admin.ImportPreview;
import app.roomwatch.model.api.admin.ImportRefusal;
import app.roomwatch.model.api.admin.ImportRow;
import app.roomwatch.model.api.admin.StudentDetails;
import app.roomwatch.model.api.admin.StudentRecord;
import java.util.List;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/** The child dialog (with a tag read at a scanner in assign mode) and the CSV import's preview. */
final class ChildDialogs {

    private ChildDialogs() {}

    /** Adds a child ({@code child} and {@code details} null) or changes one. */
    static void child(
            ChildrenAdminViewModel model,
            ScannersAdminViewModel scanners,
            StudentRecord child,
            StudentDetails details,
            Messages messages,
            Window owner) {
        TextField first = AdminDialogs.field("admin-child-first");
        TextField last = AdminDialogs.field("admin-child-last");
        TextField schoolClass = AdminDialogs.field("admin-child-class");
        TextField tag = AdminDialogs.field("admin-child-tag");
        ObservableList<GroupRecord> groups = FXCollections.observableArrayList();
        groups.add(null);
        groups.addAll(model.groups());
        ComboBox<GroupRecord> group = AdminDialogs.choice(
                "admin-child-group", groups, g -> g == null ? messages.get("admin.children.noGroup") : g.name());
        group.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(GroupRecord item, boolean empty) {
                super.updateItem(item, empty);
                setText(item == null ? messages.get("admin.children.noGroup") : item.name());
            }
        });
        if (child != null) {
            first.setText(child.firstName());
            last.setText(child.lastName());
            schoolClass.setText(child.schoolClass());
            tag.setText(child.rfidTag() == null ? "" : child.rfidTag());
            String groupId = details == null ? null : details.groupId();
            group.setValue(groups.stream()
                    .filter(g -> g != null && g.id().equals(groupId))
                    .findFirst()
                    .orElse(null));
        }
        GridPane form = AdminDialogs.grid();
        form.addRow(0, new Label(messages.get("admin.children.first")), first);
        form.addRow(1, new Label(messages.get("admin.children.last")), last);
        form.addRow(2, new Label(messages.get("admin.children.class")), schoolClass);
        form.addRow(3, new Label(messages.get("admin.children.group")), group);
        form.addRow(4, new Label(messages.get("admin.children.tag")), tag);
        TagReader reader = new TagReader(scanners, messages, tag);
        VBox content = new VBox(12, form, reader.pane());

        Dialog<ButtonType> dialog = AdminDialogs.form(
                messages,
                owner,
                child == null
                        ? messages.get("admin.children.add.title")
                        : messages.get("admin.children.edit.title", ChildrenAdminViewModel.shortName(child)),
                "admin-child-dialog",
                content);
        AdminDialogs.okDisabledWhile(
                dialog, first.textProperty().isEmpty().or(last.textProperty().isEmpty()));
        boolean ok = AdminDialogs.confirmed(dialog);
        reader.stop();
        if (ok) {
            ChildForm entered = new ChildForm(
                    first.getText(),
                    last.getText(),
                    schoolClass.getText(),
                    tag.getText(),
                    group.getValue() == null ? null : group.getValue().id());
            if (child == null) {
                model.add(entered);
            } else {
                model.edit(child, entered);
            }
        }
    }

    /**
     * Reads a tag at a scanner: the admin picks a scanner, puts it in assign mode, holds the child's card to it,
     * and takes the tag the scanner read; closing the dialog puts the scanner back to checking children in.
     */
    private static final class TagReader {
        private final ScannersAdminViewModel scanners;
        private final Messages messages;
        private final TextField tag;
        private final ComboBox<DeviceRecord> scanner;
        private final Button assign = new Button();
        private final Label read = new Label();
        private final Button use = new Button();
        private final ListChangeListener<DeviceRecord> onChange = change -> this.refresh();
        private String assigningId;
        private String tagBefore;

        TagReader(ScannersAdminViewModel scanners, Messages messages, TextField tag) {
            this.scanners = scanners;
            this.messages = messages;
            this.tag = tag;
            ObservableList<DeviceRecord> usable =
                    FXCollections.observableArrayList(scanners.rows().rows().items().stream()
                            .filter(ScannersAdminViewModel::usable)
                            .toList());
            this.scanner =
                    AdminDialogs.choice("admin-tag-scanner", usable, d -> d.name() + " \u00b7 " + scanners.roomName(d));
            assign.setId("admin-tag-assign");
            assign.setText(messages.get("admin.tag.assign"));
            assign.setGraphic(Icons.of(Feather.RADIO));
            assign.disableProperty().bind(scanner.valueProperty().isNull());
            assign.setOnAction(e -> start());
            read.setId("admin-tag-read");
            read.setWrapText(true);
            read.getStyleClass().add(ConsoleStyles.MUTED);
            use.setId("admin-tag-use");
            use.setText(messages.get("admin.tag.use"));
            use.setDisable(true);
            scanners.rows().rows().items().addListener(onChange);
        }

        /** Always open: a section that unfolds would not grow the dialog, and its buttons would fall outside it. */
        VBox pane() {
            Label title = new Label(messages.get("admin.tag.title"));
            title.getStyleClass().add(ConsoleStyles.SUMMARY);
            Label how = new Label(messages.get("admin.tag.how"));
            how.setWrapText(true);
            how.setMaxWidth(440);
            HBox row = new HBox(8, scanner, assign);
            VBox box = new VBox(8, new Separator(), title, how, row, read, use);
            box.setId("admin-tag-reader");
            return box;
        }

        private void start() {
            DeviceRecord picked = scanner.getValue();
            if (picked == null) {
                return;
            }
            release();
            assigningId = picked.id();
            tagBefore = picked.lastTagAt() == null ? null : picked.lastTagAt().toString();
            scanners.assignMode(picked, true);
            read.setText(messages.get("admin.tag.waiting", picked.name()));
            use.setDisable(true);
        }

        private void refresh() {
            DeviceRecord now = assigningId == null ? null : scanners.current(assigningId);
            if (now == null || now.lastTag() == null || now.lastTagAt() == null) {
                return;
            }
            if (Objects.equals(tagBefore, now.lastTagAt().toString())) {
                return;
            }
            read.setText(messages.get("admin.tag.readAt", now.lastTag(), now.name()));
            use.setDisable(false);
            use.setOnAction(e -> tag.setText(now.lastTag()));
        }

        /** The dialog closed: stop watching, and put the scanner back to checking children in and out. */
        void stop() {
            scanners.rows().rows().items().removeListener(onChange);
            release();
        }

        private void release() {
            if (assigningId != null) {
                DeviceRecord now = scanners.current(assigningId);
                if (now != null && now.mode() == DeviceMode.ASSIGN) {
                    scanners.assignMode(now, false);
                }
                assigningId = null;
            }
        }
    }

    /**
     * Shows what the CSV file would do, in three lists, before anything is written: added, changed (with the
     * fields that change) and refused (with the reason). Apply writes the added and changed rows.
     */
    static void importPreview(ChildrenAdminViewModel model, ImportPreview preview, Messages messages, Window owner) {
        ListView<String> added = lines(
                "admin-import-added",
                preview.added().stream()
                        .map(row -> messages.get("admin.import.addedRow", row.line(), who(row)))
                        .toList());
        ListView<String> changed = lines(
                "admin-import-changed",
                preview.changed().stream()
                        .map(row ->
                                messages.get("admin.import.changedRow", row.line(), who(row), fields(row, messages)))
                        .toList());
        ListView<String> refused = lines(
                "admin-import-refused",
                preview.refused().stream().map(ImportRefusal::reason).toList());
        VBox content = new VBox(
                6,
                heading(messages.get("admin.import.added", preview.added().size())),
                added,
                heading(messages.get("admin.import.changed", preview.changed().size())),
                changed,
                heading(messages.get("admin.import.refused", preview.refused().size())),
                refused);
        content.setPrefWidth(640);
        ButtonType apply = new ButtonType(
                messages.get(
                        "admin.import.apply",
                        preview.added().size() + preview.changed().size()),
                ButtonBar.ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("admin.import.title"));
        dialog.setHeaderText(messages.get("admin.import.header"));
        dialog.getDialogPane().setId("admin-import-dialog");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(apply, AdminDialogs.cancel(messages));
        dialog.getDialogPane()
                .lookupButton(apply)
                .setDisable(preview.added().isEmpty() && preview.changed().isEmpty());
        app.roomwatch.console.theme.Theme.style(dialog.getDialogPane().getScene());
        if (dialog.showAndWait().filter(apply::equals).isPresent()) {
            model.applyImport();
        } else {
            model.cancelImport();
        }
    }

    private static String who(ImportRow row) {
        String schoolClass =
                row.schoolClass() == null || row.schoolClass().isBlank() ? "" : " (" + row.schoolClass() + ")";
        return row.firstName() + " " + row.lastName() + schoolClass;
    }

    private static String fields(ImportRow row, Messages messages) {
        return String.join(
                ", ",
                row.changedFields().stream()
                        .map(field -> {
                            String name = messages.find("admin.audit.field." + field);
                            return name == null ? field : name;
                        })
                        .toList());
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(ConsoleStyles.SUMMARY);
        return label;
    }

    private static ListView<String> lines(String id, List<String> items) {
        ListView<String> list = new ListView<>(FXCollections.observableArrayList(items));
        list.setId(id);
        list.setFixedCellSize(AdminControls.ROW_HEIGHT);
        list.setPrefHeight(AdminControls.ROW_HEIGHT * Math.clamp(items.size(), 1, 6) + 4);
        list.setPlaceholder(new Label("\u2014"));
        return list;
    }
}
