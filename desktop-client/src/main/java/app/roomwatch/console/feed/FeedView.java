package app.roomwatch.console.feed;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.Selections;
import app.roomwatch.model.api.ActivityEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The activity feed: what happened, newest on top, with the time on the left. */
public final class FeedView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final FeedViewModel model;
    private final Messages messages;
    private final ZoneId zone;
    private final Label error = new Label();
    private final ListView<ActivityEntry> list = new ListView<>();

    public FeedView(FeedViewModel model, Messages messages, ZoneId zone) {
        this.model = model;
        this.messages = messages;
        this.zone = zone;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add(ConsoleStyles.PANE);
        error.getStyleClass().add(ConsoleStyles.ERROR);
        error.managedProperty().bind(error.visibleProperty());
        list.setId("feed-list");
        list.setItems(model.entries().items());
        list.setPlaceholder(new Label(messages.get("feed.empty")));
        list.setCellFactory(view -> new EntryCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(error, list);
    }

    private void initListeners() {
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        Selections.bind(list.getSelectionModel(), model.entries());
    }

    private final class EntryCell extends ListCell<ActivityEntry> {
        private final Label time = new Label();
        private final Label text = new Label();
        private final HBox row = new HBox(12, time, text);

        EntryCell() {
            time.getStyleClass().add(ConsoleStyles.FEED_TIME);
        }

        @Override
        protected void updateItem(ActivityEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            time.setText(TIME.format(entry.occurredAt().atZone(zone)));
            text.setText(entry.text());
            setGraphic(row);
        }
    }
}
