package app.roomwatch.console.whereis;

import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.RowCell;
import app.roomwatch.console.ui.StyleState;
import app.roomwatch.model.api.ChildLocation;
import app.roomwatch.model.api.LocationState;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * One line for a child wherever children are listed with their location (Where is, My group roster): name, class,
 * and where the child is now, the line marked by whether the child is in a room.
 */
public final class ChildLocationCell<T> extends RowCell<T> {

    private static final List<String> STATES = List.of(ConsoleStyles.CHILD_IN_ROOM, ConsoleStyles.CHILD_AWAY);

    private final LocationText locations;
    private final Function<T, String> nameOf;
    private final Function<T, String> classOf;
    private final Function<T, ChildLocation> locationOf;
    private final Label name = new Label();
    private final Label schoolClass = new Label();
    private final Label where = new Label();
    private final HBox row;

    public ChildLocationCell(
            LocationText locations,
            double nameWidth,
            Function<T, String> nameOf,
            Function<T, String> classOf,
            Function<T, ChildLocation> locationOf) {
        this.locations = locations;
        this.nameOf = nameOf;
        this.classOf = classOf;
        this.locationOf = locationOf;
        name.getStyleClass().add(ConsoleStyles.CHILD_NAME);
        name.setMinWidth(nameWidth);
        name.setPrefWidth(nameWidth);
        schoolClass.getStyleClass().add(ConsoleStyles.MUTED);
        schoolClass.setMinWidth(50);
        schoolClass.setPrefWidth(50);
        where.getStyleClass().add(ConsoleStyles.CHILD_LOCATION);
        row = new HBox(12, name, schoolClass, where);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add(ConsoleStyles.CHILD_ROW);
    }

    @Override
    protected void cleared() {
        StyleState.set(row.getStyleClass(), null, STATES);
    }

    @Override
    protected HBox show(T child) {
        ChildLocation location = locationOf.apply(child);
        name.setText(nameOf.apply(child));
        schoolClass.setText(classOf.apply(child));
        where.setText(locations.of(location));
        StyleState.set(
                row.getStyleClass(),
                location != null && location.state() == LocationState.IN_ROOM
                        ? ConsoleStyles.CHILD_IN_ROOM
                        : ConsoleStyles.CHILD_AWAY,
                STATES);
        return row;
    }
}
