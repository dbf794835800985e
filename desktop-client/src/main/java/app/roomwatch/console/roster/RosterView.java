package app.roomwatch.console.roster;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.Lists;
import app.roomwatch.console.ui.MessageLine;
import app.roomwatch.console.ui.Selections;
import app.roomwatch.console.whereis.ChildLocationCell;
import app.roomwatch.console.whereis.LocationText;
import app.roomwatch.model.api.LedGroup;
import app.roomwatch.model.api.RosterChild;
import java.time.ZoneId;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** My group roster: the children of a group the user leads, wherever they are, those in no room first. */
public final class RosterView extends VBox {

    private final RosterViewModel model;
    private final Messages messages;
    private final LocationText locations;
    private final ComboBox<LedGroup> group = new ComboBox<>();
    private final Label summary = new Label();
    private final TextField filter = new TextField();
    private final ListView<RosterChild> list = new ListView<>();

    public RosterView(RosterViewModel model, Messages messages, ZoneId zone) {
        this.model = model;
        this.messages = messages;
        this.locations = new LocationText(messages, zone);
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add(ConsoleStyles.PANE);
        group.setId("roster-group");
        group.setItems(model.groups().items());
        group.setCellFactory(view -> new GroupCell());
        group.setButtonCell(new GroupCell());
        summary.getStyleClass().add(ConsoleStyles.SUMMARY);
        summary.setId("roster-summary");
        filter.setId("roster-filter");
        filter.setPromptText(messages.get("where.filter.prompt"));
        filter.setPrefColumnCount(18);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, group, summary, spacer, filter);
        top.setAlignment(Pos.CENTER_LEFT);
        Lists.fill(
                list,
                "roster-list",
                model.children().items(),
                new Label(messages.get("roster.none")),
                view -> new ChildLocationCell<RosterChild>(
                        locations, 160, RosterChild::studentName, RosterChild::schoolClass, RosterChild::location));
        getChildren().addAll(top, new MessageLine(ConsoleStyles.ERROR, model.errorProperty()), list);
    }

    private void initListeners() {
        // One line per child, so that a whole group fits on a screen.
        list.setFixedCellSize(24);
        filter.textProperty().bindBidirectional(model.filterProperty());
        Selections.bind(list.getSelectionModel(), model.children());
        group.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.groups().selectedIdProperty().set(now.id());
            }
        });
        model.groups()
                .selectedIdProperty()
                .addListener((obs, was, now) -> group.setValue(model.groups().selected()));
        model.groups().items().addListener((ListChangeListener<LedGroup>) change -> {
            group.setValue(model.groups().selected());
            group.setVisible(!model.groups().items().isEmpty());
        });
        group.setVisible(false);
        model.children().items().addListener((ListChangeListener<RosterChild>) change -> showSummary());
        showSummary();
    }

    private void showSummary() {
        summary.setText(
                model.groups().items().isEmpty()
                        ? messages.get("roster.leadsNothing")
                        : messages.get("roster.summary", model.total(), model.inNoRoom()));
    }

    private static final class GroupCell extends ListCell<LedGroup> {
        @Override
        protected void updateItem(LedGroup item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name());
        }
    }
}
