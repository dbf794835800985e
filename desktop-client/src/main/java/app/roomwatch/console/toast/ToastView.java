package app.roomwatch.console.toast;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.Icons;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The toasts' corner of the window; lets clicks through to the console everywhere else. */
public final class ToastView extends VBox {

    private final ToastViewModel model;
    private final Messages messages;

    public ToastView(ToastViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
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
        card.getStyleClass().add(ConsoleStyles.TOAST);
        card.getProperties().put("toast-id", toast.id());
        return card;
    }
}
