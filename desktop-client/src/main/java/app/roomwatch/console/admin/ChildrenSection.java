package app.roomwatch.console.admin;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.status.ServerReach;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.NeedsServer;
import app.roomwatch.model.api.admin.StudentRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/** Children: the list with a filter; add, edit (the tag typed or read at a scanner), archive, import a CSV file. */
final class ChildrenSection extends VBox {

    /** The largest file the server takes (1 MiB); a bigger one is refused here, before it is sent. */
    static final long MAX_CSV = 1024 * 1024;

    private final ChildrenAdminViewModel model;
    private final Messages messages;

    ChildrenSection(
            ChildrenAdminViewModel model, ScannersAdminViewModel scanners, Messages messages, ServerReach reach) {
        this.model = model;
        this.messages = messages;
        AdminRows<StudentRecord> rows = model.rows();
        FilteredList<StudentRecord> shown = new FilteredList<>(rows.rows().items());
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> model::matches, model.filterProperty()));
        TableView<StudentRecord> table =
                AdminControls.table("admin-children-table", rows, shown, messages.get("admin.children.none"));
        table.getColumns()
                .addAll(
                        AdminControls.column(messages.get("admin.children.first"), 180, StudentRecord::firstName),
                        AdminControls.column(messages.get("admin.children.last"), 180, StudentRecord::lastName),
                        AdminControls.column(messages.get("admin.children.class"), 100, StudentRecord::schoolClass),
                        AdminControls.column(
                                messages.get("admin.children.tag"),
                                200,
                                c -> c.rfidTag() == null ? messages.get("admin.children.noTag") : c.rfidTag()));

        Label count = new Label();
        count.setId("admin-children-count");
        count.getStyleClass().add(ConsoleStyles.SUMMARY);
        count.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> messages.get(
                                "admin.children.count",
                                shown.size(),
                                rows.rows().items().size()),
                        shown,
                        rows.rows().items()));
        TextField filter = new TextField();
        filter.setId("admin-children-filter");
        filter.setPromptText(messages.get("admin.children.filter"));
        filter.setPrefColumnCount(16);
        filter.setMinWidth(Region.USE_PREF_SIZE);
        filter.textProperty().bindBidirectional(model.filterProperty());

        Button add = AdminControls.button("admin-children-add", messages.get("admin.children.add"), Feather.USER_PLUS);
        Button importCsv =
                AdminControls.button("admin-children-import", messages.get("admin.children.import"), Feather.UPLOAD);
        Button edit = AdminControls.button("admin-children-edit", messages.get("admin.edit"), Feather.EDIT_2);
        Button archive = AdminControls.button("admin-children-archive", messages.get("admin.archive"), Feather.ARCHIVE);
        var none = table.getSelectionModel().selectedItemProperty().isNull();

        add.setOnAction(e -> ChildDialogs.child(
                model, scanners, null, null, messages, getScene().getWindow()));
        edit.setOnAction(e -> {
            StudentRecord child = rows.rows().selected();
            if (child != null) {
                model.details(
                        child,
                        details -> ChildDialogs.child(
                                model,
                                scanners,
                                child,
                                details,
                                messages,
                                getScene().getWindow()));
            }
        });
        archive.setOnAction(e -> {
            StudentRecord child = rows.rows().selected();
            String name = child == null ? "" : ChildrenAdminViewModel.shortName(child);
            if (child != null
                    && AdminDialogs.confirm(
                            messages,
                            getScene().getWindow(),
                            "admin-archive-child-dialog",
                            messages.get("admin.children.archive.title", name),
                            messages.get("admin.children.archive.consequence", name),
                            messages.get("admin.children.archive.button", name))) {
                model.archive(child);
            }
        });
        importCsv.setOnAction(e -> chooseFile());
        model.previewProperty().subscribe(preview -> {
            if (preview != null) {
                ChildDialogs.importPreview(model, preview, messages, getScene().getWindow());
            }
        });

        setId("admin-children-section");
        AdminControls.page(
                this,
                AdminControls.toolbar(
                        new NeedsServer(add, reach),
                        new NeedsServer(importCsv, reach),
                        null,
                        count,
                        filter,
                        new NeedsServer(edit, reach).alsoDisabledWhen(none),
                        new NeedsServer(archive, reach).alsoDisabledWhen(none)),
                AdminControls.message("admin-children-message", rows),
                table);
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("admin.import.choose"));
        chooser.getExtensionFilters()
                .add(new FileChooser.ExtensionFilter(messages.get("admin.import.csvFiles"), "*.csv", "*.txt"));
        var file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            importFile(file.toPath());
        }
    }

    /** Reads {@code file} and asks the server for its preview; for the chooser and for tests. */
    void importFile(Path file) {
        try {
            if (Files.size(file) > MAX_CSV) {
                model.rows().refuse("admin.import.tooLarge");
                return;
            }
            model.previewImport(Files.readAllBytes(file));
        } catch (IOException e) {
            model.rows().refuse("admin.import.unreadable", file.getFileName().toString());
        }
    }
}
