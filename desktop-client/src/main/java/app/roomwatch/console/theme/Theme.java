package app.roomwatch.console.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;

/** Light or dark: an AtlantaFX Primer theme underneath and the console's own stylesheet on top. */
public enum Theme {
    LIGHT,
    DARK;

    /** The console's stylesheet; its colours are AtlantaFX's variables, so it follows either theme. */
    public static final String STYLESHEET =
            Theme.class.getResource("/app/roomwatch/console/theme/console.css").toExternalForm();

    /** Makes this the look of every window of the application. Call on the FX thread. */
    public void apply() {
        Application.setUserAgentStylesheet(
                this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    /** Adds the console's stylesheet to {@code scene} once. */
    public static void style(Scene scene) {
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
    }

    /** The setting's value, {@code light} or {@code dark}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a setting; anything but {@code dark} is light. */
    public static Theme of(String key) {
        return "dark".equalsIgnoreCase(key == null ? "" : key.strip()) ? DARK : LIGHT;
    }
}
