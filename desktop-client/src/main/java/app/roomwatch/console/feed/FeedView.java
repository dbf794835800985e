package app.roomwatch.console.feed;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.Icons;
import app.roomwatch.console.ui.Lists;
import app.roomwatch.console.ui.MessageLine;
import app.roomwatch.console.ui.RowCell;
import app.roomwatch.console.ui.Selections;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The activity feed: what happened, newest on top, with the time on the left. */
public final class FeedView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final FeedViewModel model;
    private final Messages messages;
    private final ZoneId zone;
    private final ListView<FeedLine> list = new ListView<>();
    private final ToggleGroup kinds = new ToggleGroup();
    private final HBox filter = new HBox(4);

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
        filter.setId("feed-filter");
        filter.setAlignment(Pos.CENTER_LEFT);
        filter.getChildren().add(kindButton(null, messages.get("feed.kind.all")));
        for (FeedKind kind : FeedKind.values()) {
            filter.getChildren().add(kindButton(kind, messages.get(kind.key())));
        }
        getChildren().addAll(filter, new MessageLine(ConsoleStyles.ERROR, model.errorProperty()), list);
    }

    private ToggleButton kindButton(FeedKind kind, String text) {
        ToggleButton button = new ToggleButton(text);
        if (kind != null) {
            button.setGraphic(icon(kind));
        }
        button.setUserData(kind);
        button.setToggleGroup(kinds);
        button.setSelected(kind == model.kindProperty().get());
        button.setMinWidth(ToggleButton.USE_PREF_SIZE);
        return button;
    }

    private void initListeners() {
        Selections.bind(list.getSelectionModel(), model.entries());
        kinds.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                // Clicking the chosen kind again leaves the choice as it was.
                kinds.selectToggle(was);
            } else {
                model.kindProperty().set((FeedKind) now.getUserData());
            }
        });
    }

    private static FontIcon icon(FeedKind kind) {
        FontIcon icon = Icons.of(
                switch (kind) {
                    case CHILDREN -> Feather.USER_CHECK;
                    case ACTIVITIES -> Feather.PLAY_CIRCLE;
                    case NOTIFICATIONS -> Feather.BELL;
                    case SCANNERS -> Feather.RADIO;
                });
        icon.getStyleClass().add(styleOf(kind));
        return icon;
    }

    private static String styleOf(FeedKind kind) {
        return "rw-feed-" + kind.name().toLowerCase(Locale.ROOT);
    }

    private final class EntryCell extends RowCell<FeedLine> {
        private final Label time = new Label();
        private final Label kind = new Label();
        private final Label text = new Label();
        private final Label times = new Label();
        private final HBox row = new HBox(12, time, kind, text, times);

        EntryCell() {
            time.getStyleClass().add(ConsoleStyles.FEED_TIME);
            times.getStyleClass().add(ConsoleStyles.FEED_TIMES);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected HBox show(FeedLine line) {
            time.setText(TIME.format(line.entry().occurredAt().atZone(zone)));
            kind.setGraphic(icon(line.kind()));
            text.setText(line.entry().text());
            times.setText(line.times() > 1 ? messages.get("feed.times", line.times()) : "");
            times.setVisible(line.times() > 1);
            return row;
        }
    }
}
