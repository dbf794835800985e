package app.roomwatch.console.notifications;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.status.ServerReach;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.Icons;
import app.roomwatch.console.ui.NeedsServer;
import app.roomwatch.model.api.NotificationView;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The strip at the top of the window: every unread urgent notification, with its title, body, sender and time,
 * until it is read here or on another of the user's consoles.
 */
public final class UrgentStripView extends VBox {

    private final NotificationsViewModel model;
    private final Messages messages;
    private final ZoneId zone;
    private final Consumer<String> onOpen;
    private final ServerReach reach;

    /** @param onOpen opens the notification with this id in the notifications panel */
    public UrgentStripView(
            NotificationsViewModel model, Messages messages, ZoneId zone, Consumer<String> onOpen, ServerReach reach) {
        this.model = model;
        this.reach = reach;
        this.messages = messages;
        this.zone = zone;
        this.onOpen = onOpen;
        createView();
        initListeners();
    }

    private void createView() {
        setId("urgent-strip");
        getStyleClass().add(ConsoleStyles.URGENT_STRIP);
        managedProperty().bind(visibleProperty());
    }

    private void initListeners() {
        model.urgentUnread().addListener((ListChangeListener<NotificationView>) change -> render());
        render();
    }

    private void render() {
        getChildren().setAll(model.urgentUnread().stream().map(this::line).toList());
        setVisible(!getChildren().isEmpty());
    }

    private HBox line(NotificationView notification) {
        Label title = new Label(notification.title(), Icons.of(Feather.ALERT_TRIANGLE, 18));
        title.getStyleClass().add(ConsoleStyles.NOTIFICATION_TITLE);
        title.setMinWidth(Label.USE_PREF_SIZE);
        Label body = new Label(notification.body());
        body.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(body, Priority.ALWAYS);
        Label byline = new Label(model.sender(notification) + " · "
                + NotificationsView.TIME.format(notification.createdAt().atZone(zone)));
        byline.setMinWidth(Label.USE_PREF_SIZE);
        Button open = new Button(messages.get("notifications.open"));
        open.setMinWidth(Button.USE_PREF_SIZE);
        open.setOnAction(e -> onOpen.accept(notification.id()));
        Button markRead = new Button(messages.get("notifications.markRead"), Icons.of(Feather.CHECK));
        markRead.setMinWidth(Button.USE_PREF_SIZE);
        markRead.getStyleClass().add("mark-read");
        markRead.setOnAction(e -> model.markRead(notification));
        HBox line = new HBox(12, title, body, byline, open, new NeedsServer(markRead, reach));
        line.setAlignment(Pos.CENTER_LEFT);
        line.getProperties().put("notification-id", notification.id());
        return line;
    }
}
