package app.roomwatch.console.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/**
 * A line of words from a view-model (why a load failed, what an action did): shown only while it says something,
 * and taking no room otherwise.
 */
public final class MessageLine extends Label {

    public MessageLine(String styleClass, ObservableStringValue text) {
        getStyleClass().add(styleClass);
        managedProperty().bind(visibleProperty());
        textProperty().bind(text);
        visibleProperty().bind(Bindings.isNotEmpty(text));
    }
}
