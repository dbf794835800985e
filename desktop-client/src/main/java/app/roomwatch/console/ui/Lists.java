package app.roomwatch.console.ui;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Callback;

/** How the console's list panes set up their lists: the view-model's rows, drawn by their own cells, filling the pane. */
public final class Lists {

    private Lists() {}

    /**
     * Shows {@code items} in {@code list} with {@code cells}, says {@code placeholder} while there are none, and lets
     * the list take the height its pane has left.
     */
    public static <T> void fill(
            ListView<T> list,
            String id,
            ObservableList<T> items,
            Node placeholder,
            Callback<ListView<T>, ListCell<T>> cells) {
        list.setId(id);
        list.setItems(items);
        list.setCellFactory(cells);
        list.setPlaceholder(placeholder);
        VBox.setVgrow(list, Priority.ALWAYS);
    }
}
