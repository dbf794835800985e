package app.roomwatch.console.status;

import app.roomwatch.console.status.ConnectionSnapshot.Light;
import app.roomwatch.console.theme.ConsoleStyles;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;

/** The status light: a coloured dot and a word; hovering tells why, when the last event came, when it tries next. */
public final class StatusLightView extends HBox {

    private static final Map<Light, String> STYLES = Map.of(
            Light.LIVE, ConsoleStyles.LIVE,
            Light.CONNECTING, ConsoleStyles.CONNECTING,
            Light.POLLING, ConsoleStyles.POLLING,
            Light.OFFLINE, ConsoleStyles.OFFLINE);

    private final StatusViewModel model;
    private final Label label = new Label();
    private final Tooltip tooltip = new Tooltip();

    public StatusLightView(StatusViewModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        setId("status-light");
        getStyleClass().add(ConsoleStyles.STATUS);
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        Circle dot = new Circle(6);
        dot.getStyleClass().add(ConsoleStyles.STATUS_DOT);
        label.setId("status-label");
        tooltip.setShowDelay(Duration.millis(200));
        tooltip.setShowDuration(Duration.seconds(30));
        Tooltip.install(this, tooltip);
        getChildren().addAll(dot, label);
    }

    private void initListeners() {
        label.textProperty().bind(model.labelProperty());
        tooltip.textProperty().bind(model.tooltipProperty());
        model.lightProperty().addListener((obs, was, now) -> paint(now));
        paint(model.lightProperty().get());
    }

    private void paint(Light light) {
        getStyleClass().removeAll(STYLES.values());
        getStyleClass().add(STYLES.get(light));
        getProperties().put("light", light);
    }
}
