package app.roomwatch.console.ui;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Feather icons at the console's sizes. */
public final class Icons {

    private Icons() {}

    public static FontIcon of(Feather icon) {
        return new FontIcon(icon);
    }

    public static FontIcon of(Feather icon, int size) {
        FontIcon node = new FontIcon(icon);
        node.setIconSize(size);
        return node;
    }
}
