package app.roomwatch.console.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class KeptSelectionTests {

    record Row(String id, int value) {}

    private final KeptSelection<Row> kept = new KeptSelection<>(FXCollections.observableArrayList(), Row::id);
    private final List<String> changes = new ArrayList<>();

    private void watch() {
        kept.items().addListener((ListChangeListener<Row>) change -> {
            while (change.next()) {
                if (change.wasReplaced()) {
                    changes.add("replaced " + change.getFrom() + ".." + change.getTo());
                } else if (change.wasAdded()) {
                    changes.add("added " + change.getFrom() + ".." + change.getTo());
                } else if (change.wasRemoved()) {
                    changes.add("removed " + change.getFrom() + " x" + change.getRemovedSize());
                }
            }
        });
    }

    private static List<Row> rows(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> new Row(id, 0)).toList();
    }

    @Test
    void aNewRowOnTopIsOneInsertionNotARebuild() {
        kept.replace(rows("b", "c", "d"));
        watch();

        kept.replace(rows("a", "b", "c", "d"));

        assertThat(kept.items()).containsExactlyElementsOf(rows("a", "b", "c", "d"));
        assertThat(changes).containsExactly("added 0..1");
    }

    @Test
    void aRowThatLeftInTheMiddleIsOneRemoval() {
        kept.replace(rows("a", "b", "c", "d"));
        watch();

        kept.replace(rows("a", "c", "d"));

        assertThat(kept.items()).containsExactlyElementsOf(rows("a", "c", "d"));
        assertThat(changes).containsExactly("removed 1 x1");
    }

    @Test
    void aChangedRowIsReplacedAloneAndAnUnchangedListIsNotTouched() {
        kept.replace(rows("a", "b", "c"));
        watch();

        kept.replace(List.of(new Row("a", 0), new Row("b", 7), new Row("c", 0)));
        kept.replace(List.of(new Row("a", 0), new Row("b", 7), new Row("c", 0)));

        assertThat(kept.items().get(1).value()).isEqualTo(7);
        assertThat(changes).containsExactly("replaced 1..2");
    }

    @Test
    void anEntirelyDifferentListEndsEqualToIt() {
        kept.replace(rows("a", "b", "c"));

        kept.replace(rows("x", "b", "y", "z"));
        assertThat(kept.items()).containsExactlyElementsOf(rows("x", "b", "y", "z"));
        kept.replace(List.of());
        assertThat(kept.items()).isEmpty();
    }

    @Test
    void theSelectionClearsOnlyWhenItsRowIsGone() {
        kept.replace(rows("a", "b"));
        kept.selectedIdProperty().set("b");

        kept.replace(rows("c", "b"));
        assertThat(kept.selected()).isEqualTo(new Row("b", 0));
        kept.replace(rows("c"));
        assertThat(kept.selectedIdProperty().get()).isNull();
    }
}
