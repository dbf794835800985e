package app.roomwatch.console.ui;

import app.roomwatch.console.status.ServerReach;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * A button whose action needs the server: disabled while the console is not live, with a tooltip that says why. A
 * disabled control shows no tooltip of its own, so the tooltip sits on a wrapper around it.
 */
public final class NeedsServer extends StackPane {

    /** The wrapper's style class. */
    public static final String STYLE = "rw-needs-server";

    private final Tooltip why = new Tooltip();
    // Held here so that the view lives only as long as its nodes; the session's property holds it weakly.
    private final ChangeListener<Boolean> follow = (obs, was, blocked) -> show(blocked);

    private final ButtonBase button;
    private final ServerReach reach;

    /** Wraps {@code button}, disabled while {@code reach} says the console is not live. */
    public NeedsServer(ButtonBase button, ServerReach reach) {
        super(button);
        this.button = button;
        this.reach = reach;
        getStyleClass().add(STYLE);
        setAlignment(Pos.CENTER_LEFT);
        // As wide as the button, unless the layout asks for more (setMaxWidth).
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        button.disableProperty().bind(reach.blocked());
        why.textProperty().bind(reach.why());
        why.setShowDelay(Duration.millis(200));
        why.setShowDuration(Duration.seconds(30));
        why.setWrapText(true);
        why.setMaxWidth(420);
        reach.blocked().addListener(new WeakChangeListener<>(follow));
        show(reach.blocked().get());
    }

    /** The action's own reason to be disabled as well (nothing selected …). */
    public NeedsServer alsoDisabledWhen(ObservableBooleanValue condition) {
        button.disableProperty().bind(reach.blocked().or(condition));
        return this;
    }

    /** The tooltip shown while the action is blocked; for tests that read it. */
    public Tooltip tooltip() {
        return why;
    }

    private void show(boolean blocked) {
        if (blocked) {
            Tooltip.install(this, why);
        } else {
            Tooltip.uninstall(this, why);
        }
    }
}
