package app.roomwatch.console.settings;

import app.roomwatch.console.ConsoleLog;
import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.theme.Theme;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The settings dialog; every change applies and is saved at once, so it only needs a Close button. A change of
 * language shows in the open dialog at once, as in the window behind it.
 */
public final class SettingsDialog {

    private SettingsDialog() {}

    public static void show(SettingsViewModel model, Messages initial, Window owner) {
        ObjectProperty<Messages> messages = new SimpleObjectProperty<>(initial);
        ChangeListener<String> follow = (obs, was, now) -> messages.set(Messages.of(now));
        model.languageProperty().addListener(follow);

        ComboBox<Theme> theme = new ComboBox<>();
        theme.getItems().setAll(Theme.values());
        theme.valueProperty().bindBidirectional(model.themeProperty());

        ComboBox<String> language = new ComboBox<>();
        language.getItems().setAll(SettingsViewModel.LANGUAGES);
        language.setCellFactory(view -> new LanguageCell());
        language.setButtonCell(new LanguageCell());
        language.valueProperty().bindBidirectional(model.languageProperty());

        CheckBox sounds = new CheckBox();
        sounds.textProperty().bind(text(messages, "settings.sounds"));
        sounds.selectedProperty().bindBidirectional(model.soundsProperty());

        GridPane form = new GridPane(12, 12);
        form.addRow(0, label(text(messages, "settings.theme")), theme);
        form.addRow(1, label(text(messages, "settings.language")), language);
        form.add(sounds, 0, 3, 2, 1);
        ConsoleLog.file().ifPresent(file -> {
            // Selectable, so that it can be copied into a message to whoever looks after the desktops.
            TextField path = new TextField(file.toString());
            path.setEditable(false);
            path.setPrefColumnCount(36);
            form.addRow(4, label(text(messages, "settings.logFile")), path);
        });

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.titleProperty().bind(text(messages, "settings.title"));
        dialog.headerTextProperty().bind(text(messages, "settings.title"));
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().setId("settings-dialog");
        messages.subscribe(words -> {
            // Cells and button types keep their words: new ones in the new language.
            theme.setCellFactory(view -> new ThemeCell(words));
            theme.setButtonCell(new ThemeCell(words));
            dialog.getDialogPane()
                    .getButtonTypes()
                    .setAll(new ButtonType(words.get("settings.close"), ButtonType.CLOSE.getButtonData()));
        });
        dialog.setOnHidden(e -> model.languageProperty().removeListener(follow));
        Theme.style(dialog.getDialogPane().getScene());
        dialog.showAndWait();
    }

    private static StringBinding text(ObservableValue<Messages> messages, String key) {
        return Bindings.createStringBinding(() -> messages.getValue().get(key), messages);
    }

    /** A field's name, never cut off for a wide field beside it (the log file's path). */
    private static Label label(StringBinding text) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    private static final class ThemeCell extends ListCell<Theme> {
        private final Messages messages;

        ThemeCell(Messages messages) {
            this.messages = messages;
        }

        @Override
        protected void updateItem(Theme theme, boolean empty) {
            super.updateItem(theme, empty);
            setText(empty || theme == null ? null : messages.get("settings.theme." + theme.key()));
        }
    }

    private static final class LanguageCell extends ListCell<String> {
        @Override
        protected void updateItem(String language, boolean empty) {
            super.updateItem(language, empty);
            setText(empty || language == null ? null : "de".equals(language) ? "Deutsch" : "English");
        }
    }
}
