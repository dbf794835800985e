package app.roomwatch.console.whereis;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.Lists;
import app.roomwatch.console.ui.MessageLine;
import app.roomwatch.console.ui.Selections;
import app.roomwatch.model.api.StudentSummary;
import java.time.ZoneId;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Where is: type a name or class, see where each child is now. */
public final class WhereIsView extends VBox {

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
                view -> new ChildLocationCell<StudentSummary>(
                        locations,
                        220,
                        child -> child.firstName() + " " + child.lastName(),
                        StudentSummary::schoolClass,
                        StudentSummary::location));
        getChildren().addAll(search, new MessageLine(ConsoleStyles.ERROR, model.errorProperty()), list);
    }

    private void initListeners() {
        // One line per child, so that a whole group fits on a screen.
        list.setFixedCellSize(24);
        search.textProperty().addListener((obs, was, now) -> model.search(now));
        Selections.bind(list.getSelectionModel(), model.children());
    }
}
