package app.roomwatch.console.refresh;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * A list a refetch replaces, with a selection that is an id, not a position: the selected room stays selected when
 * the rooms are fetched again, and the selection clears only when that room is gone.
 */
public final class KeptSelection<T> {

    private final ObservableList<T> items;
    private final Function<T, String> idOf;
    private final StringProperty selectedId = new SimpleStringProperty(this, "selectedId");

    public KeptSelection(ObservableList<T> items, Function<T, String> idOf) {
        this.items = items;
        this.idOf = idOf;
    }

    public ObservableList<T> items() {
        return items;
    }

    public StringProperty selectedIdProperty() {
        return selectedId;
    }

    public String idOf(T item) {
        return idOf.apply(item);
    }

    /** The selected item as it is now, or {@code null}. */
    public T selected() {
        String id = selectedId.get();
        return id == null
                ? null
                : items.stream()
                        .filter(i -> id.equals(idOf.apply(i)))
                        .findFirst()
                        .orElse(null);
    }

    /** Shows {@code next}, leaving the list untouched when nothing changed (so the screen does not flicker). */
    public void replace(List<T> next) {
        if (!items.equals(next)) {
            items.setAll(next);
        }
        String id = selectedId.get();
        if (id != null && next.stream().noneMatch(i -> Objects.equals(id, idOf.apply(i)))) {
            selectedId.set(null);
        }
    }
}
