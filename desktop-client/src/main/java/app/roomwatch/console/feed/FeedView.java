package app.roomwatch.console.feed;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.Lists;
import app.roomwatch.console.ui.MessageLine;
import app.roomwatch.console.ui.RowCell;
import app.roomwatch.console.ui.Selections;
import app.roomwatch.model.api.ActivityEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The activity feed: what happened, newest on top, with the time on the left. */
public final class FeedView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final FeedViewModel model;
    private final Messages messages;
    private final ZoneId zone;
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
        Lists.fill(
                list,
                "feed-list",
                model.entries().items(),
                new Label(messages.get("feed.empty")),
                view -> new EntryCell());
        getChildren().addAll(new MessageLine(ConsoleStyles.ERROR, model.errorProperty()), list);
    }

    private void initListeners() {
        Selections.bind(list.getSelectionModel(), model.entries());
    }

    private final class EntryCell extends RowCell<ActivityEntry> {
        private final Label time = new Label();
        private final Label text = new Label();
        private final HBox row = new HBox(12, time, text);

        EntryCell() {
            time.getStyleClass().add(ConsoleStyles.FEED_TIME);
        }

        @Override
        protected HBox show(ActivityEntry entry) {
            time.setText(TIME.format(entry.occurredAt().atZone(zone)));
            text.setText(entry.text());
            return row;
        }
    }
}
