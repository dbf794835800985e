package app.roomwatch.console.admin;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.Icons;
import app.roomwatch.console.ui.MessageLine;
import app.roomwatch.console.ui.Selections;
import app.roomwatch.console.ui.StyleState;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** How the admin sections build their parts: one-line tables, toolbars and the line that says how an action went. */
final class AdminControls {

    /** One line per row, as in My groups, so that a class of 30 fits on a screen. */
    static final double ROW_HEIGHT = 26;

    private AdminControls() {}

    static Button button(String id, String text, Feather icon) {
        Button button = new Button(text, Icons.of(icon));
        button.setId(id);
        // A button says what it does in full, in either language, or not at all.
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    /** A row of buttons: those before {@code null} on the left, those after it on the right. */
    static HBox toolbar(Node... nodes) {
        HBox bar = new HBox(8);
        bar.setAlignment(Pos.CENTER_LEFT);
        for (Node node : nodes) {
            if (node == null) {
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                bar.getChildren().add(spacer);
            } else {
                bar.getChildren().add(node);
            }
        }
        return bar;
    }

    /** A table of {@code rows} whose selection is the view-model's, filling the height its pane has left. */
    static <T> TableView<T> table(String id, AdminRows<T> rows, ObservableList<T> shown, String placeholder) {
        TableView<T> table = new TableView<>(shown);
        table.setId(id);
        table.setFixedCellSize(ROW_HEIGHT);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label(placeholder);
        empty.getStyleClass().add(ConsoleStyles.EMPTY);
        table.setPlaceholder(empty);
        VBox.setVgrow(table, Priority.ALWAYS);
        Selections.bind(table.getSelectionModel(), rows.rows());
        return table;
    }

    static <T> TableColumn<T, String> column(String title, double width, Function<T, String> text) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** The line under a section's toolbar: what the last action did, or, marked as an error, why it failed. */
    static MessageLine message(String id, AdminRows<?> rows) {
        MessageLine line = new MessageLine(ConsoleStyles.MESSAGE, rows.messageProperty());
        line.setId(id);
        line.setWrapText(true);
        rows.failureProperty()
                .subscribe(failed -> StyleState.set(
                        line.getStyleClass(),
                        failed ? ConsoleStyles.ERROR : ConsoleStyles.MESSAGE,
                        List.of(ConsoleStyles.ERROR, ConsoleStyles.MESSAGE)));
        return line;
    }

    /** Makes {@code section} a page of the console: its parts stacked, with the panes' padding. */
    static void page(VBox section, Node... parts) {
        section.setSpacing(10);
        section.getStyleClass().add(ConsoleStyles.PANE);
        section.getChildren().setAll(parts);
    }

    /** A moment as the admin area shows it: "30 Nov, 14:03" ("30. Nov., 14:03"), in this computer's time zone. */
    static DateTimeFormatter dateTime(Messages messages) {
        return DateTimeFormatter.ofPattern(messages.get("admin.dateTime"), messages.locale());
    }

    static String role(Messages messages, app.roomwatch.model.api.StaffRole role) {
        return messages.get("admin.role." + role.name());
    }
}
