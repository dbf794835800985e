package app.roomwatch.console.ui;

import javafx.scene.Node;
import javafx.scene.control.ListCell;

/**
 * A list cell that draws its item into one row built once, so scrolling and refetches only change texts; an empty
 * cell shows nothing.
 */
public abstract class RowCell<T> extends ListCell<T> {

    @Override
    protected final void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            cleared();
            setGraphic(null);
        } else {
            setGraphic(show(item));
        }
    }

    /** Fills the row with {@code item} and answers it. */
    protected abstract Node show(T item);

    /** The cell went empty: undo what {@link #show} set that outlives the row's texts (style states). */
    protected void cleared() {}
}
