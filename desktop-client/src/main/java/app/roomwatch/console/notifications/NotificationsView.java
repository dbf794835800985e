package app.roomwatch.console.notifications;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.Icons;
import app.roomwatch.console.ui.Lists;
import app.roomwatch.console.ui.MessageLine;
import app.roomwatch.console.ui.RowCell;
import app.roomwatch.console.ui.StyleState;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The notifications panel: grouped rows, unread ones marked, each with its own "mark as read". */
public final class NotificationsView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final NotificationsViewModel model;
    private final Messages messages;
    private final ZoneId zone;
    private final Button markAll = new Button();
    private final ListView<NotificationGroup> list = new ListView<>();

    public NotificationsView(NotificationsViewModel model, Messages messages, ZoneId zone) {
        this.model = model;
        this.messages = messages;
        this.zone = zone;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add(ConsoleStyles.PANE);
        MessageLine message = new MessageLine(ConsoleStyles.ERROR, model.messageProperty());
        message.setId("notifications-message");
        message.setWrapText(true);
        markAll.setText(messages.get("notifications.markAllRead"));
        markAll.setGraphic(Icons.of(Feather.CHECK_CIRCLE));
        Lists.fill(
                list,
                "notifications-list",
                model.groups(),
                new Label(messages.get("notifications.empty")),
                view -> new GroupCell());
        HBox actions = new HBox(8, markAll);
        getChildren().addAll(actions, message, new MessageLine(ConsoleStyles.ERROR, model.errorProperty()), list);
    }

    private void initListeners() {
        markAll.disableProperty().bind(model.unreadCountProperty().isEqualTo(0));
        markAll.setOnAction(e -> model.markAllRead());
    }

    private final class GroupCell extends RowCell<NotificationGroup> {
        private final Label headline = new Label();
        private final Label body = new Label();
        private final Label time = new Label();
        private final Button markRead = new Button();
        private final HBox row;

        GroupCell() {
            headline.getStyleClass().add(ConsoleStyles.SUMMARY);
            body.getStyleClass().add(ConsoleStyles.MUTED);
            body.setWrapText(true);
            time.getStyleClass().add(ConsoleStyles.FEED_TIME);
            markRead.setText(messages.get("notifications.markRead"));
            markRead.getStyleClass().add("mark-read");
            markRead.setGraphic(Icons.of(Feather.CHECK));
            VBox text = new VBox(2, headline, body);
            HBox.setHgrow(text, Priority.ALWAYS);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.SOMETIMES);
            row = new HBox(10, time, text, spacer, markRead);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add(ConsoleStyles.NOTIFICATION_ROW);
            markRead.setOnAction(e -> {
                if (getItem() != null) {
                    model.markRead(getItem());
                }
            });
        }

        @Override
        protected void cleared() {
            StyleState.set(row.getStyleClass(), null, List.of(ConsoleStyles.UNREAD, ConsoleStyles.URGENT));
        }

        @Override
        protected HBox show(NotificationGroup group) {
            headline.setText(model.headline(group));
            body.setText(
                    group.size() == 1 ? group.latest().body() : group.latest().title());
            body.setVisible(!body.getText().isBlank());
            body.setManaged(body.isVisible());
            time.setText(TIME.format(group.latest().createdAt().atZone(zone)));
            markRead.setVisible(group.isUnread());
            StyleState.set(
                    row.getStyleClass(), group.isUnread() ? ConsoleStyles.UNREAD : null, List.of(ConsoleStyles.UNREAD));
            StyleState.set(
                    row.getStyleClass(), group.isUrgent() ? ConsoleStyles.URGENT : null, List.of(ConsoleStyles.URGENT));
            return row;
        }
    }
}
