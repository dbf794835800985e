package app.roomwatch.console.whereis;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.Lists;
import app.roomwatch.console.ui.MessageLine;
import app.roomwatch.console.ui.RowCell;
import app.roomwatch.console.ui.Selections;
import app.roomwatch.console.ui.StyleState;
import app.roomwatch.model.api.LocationState;
import app.roomwatch.model.api.StudentSummary;
import java.time.ZoneId;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Where is: type a name or class, see where each child is now. */
public final class WhereIsView extends VBox {

    private static final List<String> STATES = List.of(ConsoleStyles.CHILD_IN_ROOM, ConsoleStyles.CHILD_AWAY);

    private final WhereIsViewModel model;
    private final Messages messages;
    private final LocationText locations;
    private final TextField search = new TextField();
    private final ListView<StudentSummary> list = new ListView<>();

    public WhereIsView(WhereIsViewModel model, Messages messages, ZoneId zone) {
        this.model = model;
        this.messages = messages;
        this.locations = new LocationText(messages, zone);
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add(ConsoleStyles.PANE);
        search.setId("where-search");
        search.setPromptText(messages.get("where.search.prompt"));
        Lists.fill(
                list,
                "where-list",
                model.children().items(),
                new Label(messages.get("where.empty")),
                view -> new ChildCell());
        getChildren().addAll(search, new MessageLine(ConsoleStyles.ERROR, model.errorProperty()), list);
    }

    private void initListeners() {
        // One line per child, so that a whole group fits on a screen.
        list.setFixedCellSize(24);
        search.textProperty().addListener((obs, was, now) -> model.search(now));
        Selections.bind(list.getSelectionModel(), model.children());
    }

    private final class ChildCell extends RowCell<StudentSummary> {
        private final Label name = new Label();
        private final Label schoolClass = new Label();
        private final Label where = new Label();
        private final HBox row;

        ChildCell() {
            name.getStyleClass().add(ConsoleStyles.CHILD_NAME);
            name.setMinWidth(220);
            name.setPrefWidth(220);
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
        protected HBox show(StudentSummary child) {
            name.setText(child.firstName() + " " + child.lastName());
            schoolClass.setText(child.schoolClass());
            where.setText(locations.of(child.location()));
            StyleState.set(
                    row.getStyleClass(),
                    child.location().state() == LocationState.IN_ROOM
                            ? ConsoleStyles.CHILD_IN_ROOM
                            : ConsoleStyles.CHILD_AWAY,
                    STATES);
            return row;
        }
    }
}
