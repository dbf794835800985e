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

    /**
     * Shows {@code next}, changing only what changed: the rows before and after the first and last difference are
     * left alone, so a child who arrives is one inserted row, not a rebuilt list with every cell redrawn and laid
     * out again; an unchanged list is not touched at all (so the screen does not flicker).
     */
    public void replace(List<T> next) {
        int head = 0;
        int max = Math.min(items.size(), next.size());
        while (head < max && Objects.equals(items.get(head), next.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < max - head
                && Objects.equals(items.get(items.size() - 1 - tail), next.get(next.size() - 1 - tail))) {
            tail++;
        }
        int oldEnd = items.size() - tail;
        int newEnd = next.size() - tail;
        if (oldEnd - head == newEnd - head) {
            for (int i = head; i < newEnd; i++) {
                if (!Objects.equals(items.get(i), next.get(i))) {
                    items.set(i, next.get(i));
                }
            }
        } else if (head < oldEnd && head < newEnd) {
            items.remove(head, oldEnd);
            items.addAll(head, next.subList(head, newEnd));
        } else if (head < oldEnd) {
            items.remove(head, oldEnd);
        } else if (head < newEnd) {
            items.addAll(head, next.subList(head, newEnd));
        }
        String id = selectedId.get();
        if (id != null && next.stream().noneMatch(i -> Objects.equals(id, idOf.apply(i)))) {
            selectedId.set(null);
        }
    }
}
