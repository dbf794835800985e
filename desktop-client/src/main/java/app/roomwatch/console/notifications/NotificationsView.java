package app.roomwatch.console.notifications;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.status.ServerReach;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.Icons;
import app.roomwatch.console.ui.Lists;
import app.roomwatch.console.ui.MessageLine;
import app.roomwatch.console.ui.NeedsServer;
import app.roomwatch.console.ui.RowCell;
import app.roomwatch.console.ui.StyleState;
import app.roomwatch.model.api.NotificationView;
import app.roomwatch.model.event.NotificationPriority;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The notifications panel: a row per urgent notification and per group of info ones, and beside it the open row's
 * items in full (title, body, sender, time), each with its own "mark as read".
 */
public final class NotificationsView extends VBox {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final NotificationsViewModel model;
    private final Messages messages;
    private final ZoneId zone;
    private final ServerReach reach;
    private final Button markAll = new Button();
    private final ListView<NotificationGroup> list = new ListView<>();
    private final Label openedTitle = new Label();
    private final VBox openedItems = new VBox(8);

    public NotificationsView(NotificationsViewModel model, Messages messages, ZoneId zone, ServerReach reach) {
        this.model = model;
        this.reach = reach;
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
        openedTitle.getStyleClass().add(ConsoleStyles.GROUP_TITLE);
        openedTitle.setWrapText(true);
        openedItems.setId("notification-opened");
        ScrollPane scroll = new ScrollPane(new VBox(8, openedTitle, openedItems));
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(440);
        scroll.setMinWidth(320);
        HBox.setHgrow(list, Priority.ALWAYS);
        HBox body = new HBox(12, list, scroll);
        VBox.setVgrow(body, Priority.ALWAYS);
        HBox actions = new HBox(
                8,
                new NeedsServer(markAll, reach)
                        .alsoDisabledWhen(model.unreadCountProperty().isEqualTo(0)));
        getChildren().addAll(actions, message, new MessageLine(ConsoleStyles.ERROR, model.errorProperty()), body);
    }

    private void initListeners() {
        markAll.setOnAction(e -> model.markAllRead());
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, group) -> {
            if (group != null
                    && (model.openedProperty().get() == null
                            || !group.id().equals(model.openedProperty().get().id()))) {
                model.open(group);
            }
        });
        model.openedProperty().addListener((obs, was, group) -> showOpened(group));
        showOpened(model.openedProperty().get());
    }

    private void showOpened(NotificationGroup group) {
        if (group == null) {
            openedTitle.setText(messages.get("notifications.pickOne"));
            openedItems.getChildren().clear();
            return;
        }
        openedTitle.setText(model.headline(group));
        openedItems
                .getChildren()
                .setAll(group.members().stream().map(this::item).toList());
        NotificationGroup selected = list.getSelectionModel().getSelectedItem();
        if (selected == null || !selected.id().equals(group.id())) {
            list.getSelectionModel().select(group);
            list.scrollTo(group);
        }
    }

    private VBox item(NotificationView notification) {
        Label title = new Label(notification.title());
        title.getStyleClass().add(ConsoleStyles.NOTIFICATION_TITLE);
        title.setWrapText(true);
        Label byline = new Label(model.sender(notification) + " · "
                + TIME.format(notification.createdAt().atZone(zone)));
        byline.getStyleClass().add(ConsoleStyles.MUTED);
        VBox item = new VBox(4, title);
        if (!notification.body().isBlank()) {
            Label body = new Label(notification.body());
            body.setWrapText(true);
            item.getChildren().add(body);
        }
        item.getChildren().add(byline);
        if (!notification.read()) {
            Button markRead = new Button(messages.get("notifications.markRead"), Icons.of(Feather.CHECK));
            markRead.getStyleClass().add("mark-read");
            markRead.setOnAction(e -> model.markRead(notification));
            item.getChildren().add(new NeedsServer(markRead, reach));
        }
        item.getStyleClass().add(ConsoleStyles.NOTIFICATION_ITEM);
        StyleState.set(
                item.getStyleClass(), notification.read() ? null : ConsoleStyles.UNREAD, List.of(ConsoleStyles.UNREAD));
        StyleState.set(
                item.getStyleClass(),
                notification.priority() == NotificationPriority.URGENT ? ConsoleStyles.URGENT : null,
                List.of(ConsoleStyles.URGENT));
        return item;
    }

    private final class GroupCell extends RowCell<NotificationGroup> {
        private final Label icon = new Label();
        private final Label headline = new Label();
        private final Label body = new Label();
        private final Label byline = new Label();
        private final Label time = new Label();
        private final Button markRead = new Button();
        private final NeedsServer markReadGuard = new NeedsServer(markRead, reach);
        private final HBox row;

        GroupCell() {
            headline.getStyleClass().add(ConsoleStyles.SUMMARY);
            body.getStyleClass().add(ConsoleStyles.MUTED);
            byline.getStyleClass().add(ConsoleStyles.MUTED);
            for (Label line : List.of(body, byline)) {
                line.managedProperty().bind(line.visibleProperty());
            }
            time.getStyleClass().add(ConsoleStyles.FEED_TIME);
            markRead.setText(messages.get("notifications.markRead"));
            markRead.getStyleClass().add("mark-read");
            markRead.setGraphic(Icons.of(Feather.CHECK));
            markRead.setMinWidth(Button.USE_PREF_SIZE);
            VBox text = new VBox(2, headline, body, byline);
            // The text takes the row's width, so a body is cut only where the row really ends.
            text.setMinWidth(0);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            row = new HBox(10, time, icon, text, markReadGuard);
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
            NotificationView latest = group.latest();
            headline.setText(model.headline(group));
            // One notification: its body and sender. A group: the newest member's title, to say what it holds.
            body.setText(
                    group.size() == 1 ? latest.body() : messages.get("notifications.group.newest", latest.title()));
            body.setVisible(!body.getText().isBlank());
            byline.setText(model.sender(latest));
            byline.setVisible(group.size() == 1);
            time.setText(TIME.format(latest.createdAt().atZone(zone)));
            icon.setGraphic(Icons.of(
                    group.isUrgentRow() ? Feather.ALERT_TRIANGLE : group.size() > 1 ? Feather.LAYERS : Feather.INFO));
            markReadGuard.setVisible(group.isUnread());
            StyleState.set(
                    row.getStyleClass(), group.isUnread() ? ConsoleStyles.UNREAD : null, List.of(ConsoleStyles.UNREAD));
            StyleState.set(
                    row.getStyleClass(), group.isUrgent() ? ConsoleStyles.URGENT : null, List.of(ConsoleStyles.URGENT));
            return row;
        }
    }
}
