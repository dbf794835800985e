package app.roomwatch.console.ui;

import java.util.List;
import javafx.collections.ObservableList;

/**
 * Sets which one of a family of state style classes a node has, touching its style classes only when the state
 * really changes: every change to them makes JavaFX re-apply CSS to the node and everything under it, which a list
 * cell updated on each refetch would otherwise do for every row every time.
 */
public final class StyleState {

    private StyleState() {}

    /** Leaves {@code classes} with {@code wanted} (or none, when {@code null}) of {@code family}. */
    public static void set(ObservableList<String> classes, String wanted, List<String> family) {
        for (String state : family) {
            if (!state.equals(wanted) && classes.contains(state)) {
                classes.remove(state);
            }
        }
        if (wanted != null && !classes.contains(wanted)) {
            classes.add(wanted);
        }
    }
}
