package app.roomwatch.console.ui;

import app.roomwatch.console.refresh.KeptSelection;
import javafx.collections.ListChangeListener;
import javafx.scene.control.SelectionModel;

/**
 * Ties a list control's selection to a view-model's selected id, so a refetch never loses what the user picked, and
 * never moves the selection to another item when the picked one is gone.
 */
public final class Selections {

    private Selections() {}

    public static <T> void bind(SelectionModel<T> selection, KeptSelection<T> kept) {
        selection.selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null
                    && kept.selectedIdProperty().get() != null
                    && kept.selected() == null
                    && !kept.idOf(now).equals(kept.selectedIdProperty().get())) {
                // The selected item is gone (a child checked out) and the control moved on to a neighbour: keep the
                // gone id; KeptSelection then drops it and reselect() clears the control, so that the next click acts
                // on no one rather than on another child.
            } else if (now != null) {
                kept.selectedIdProperty().set(kept.idOf(now));
            } else if (kept.selected() == null) {
                // Cleared because the item is gone; a clear caused by replacing the list is undone below.
                kept.selectedIdProperty().set(null);
            }
        });
        kept.items().addListener((ListChangeListener<T>) change -> reselect(selection, kept));
        kept.selectedIdProperty().addListener((obs, was, now) -> reselect(selection, kept));
        reselect(selection, kept);
    }

    private static <T> void reselect(SelectionModel<T> selection, KeptSelection<T> kept) {
        T wanted = kept.selected();
        if (wanted == null) {
            if (kept.selectedIdProperty().get() == null && selection.getSelectedItem() != null) {
                selection.clearSelection();
            }
            return;
        }
        if (selection.getSelectedItem() != wanted) {
            selection.select(wanted);
        }
    }
}
