package app.roomwatch.console.toast;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.Icons;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The toasts' corner of the window; lets clicks through to the console everywhere else. Clicking a toast opens its
 * notification.
 */
public final class ToastView extends VBox {

    private final ToastViewModel model;
    private final Messages messages;
    private final Consumer<Toast> onOpen;

    public ToastView(ToastViewModel model, Messages messages, Consumer<Toast> onOpen) {
        this.model = model;
        this.messages = messages;
        this.onOpen = onOpen;
        createView();
        initListeners();
    }

    private void createView() {
        setId("toasts");
        getStyleClass().add(ConsoleStyles.TOASTS);
        setPickOnBounds(false);
        setFillWidth(false);
        setAlignment(Pos.TOP_RIGHT);
    }

    private void initListeners() {
        model.shown().addListener((ListChangeListener<Toast>) change -> render());
        render();
    }

    private void render() {
        getChildren().setAll(model.shown().stream().map(this::card).toList());
    }

    private VBox card(Toast toast) {
        Label title = new Label(toast.title());
        title.getStyleClass().add(ConsoleStyles.TOAST_TITLE);
        title.setWrapText(true);
        Button close = new Button(null, Icons.of(Feather.X));
        close.getStyleClass().addAll("flat", "button-icon");
        close.setAccessibleText(messages.get("toast.close"));
        close.setOnAction(e -> model.dismiss(toast));
        // Closing is not opening: the click stops at the button.
        close.addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, Icons.of(Feather.ALERT_TRIANGLE, 18), title, spacer, close);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(top);
        if (!toast.body().isBlank()) {
            Label body = new Label(toast.body());
            body.setWrapText(true);
            card.getChildren().add(body);
        }
        Label byline = new Label(toast.byline());
        byline.getStyleClass().add(ConsoleStyles.MUTED);
        card.getChildren().add(byline);
        card.setCursor(Cursor.HAND);
        card.setOnMouseClicked(e -> {
            model.dismiss(toast);
            onOpen.accept(toast);
        });
        card.getStyleClass().add(ConsoleStyles.TOAST);
        card.getProperties().put("toast-id", toast.id());
        return card;
    }
}
