package app.roomwatch.console.admin;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.theme.Theme;
import app.roomwatch.console.ui.Icons;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/** A scanner's new key, shown this once with a copy button and the warning that it will not be shown again. */
final class KeyDialog {

    private KeyDialog() {}

    static void show(ScannersAdminViewModel.ShownKey key, Messages messages, Window owner) {
        TextField value = new TextField(key.apiKey());
        value.setId("admin-scanner-key");
        value.setEditable(false);
        value.setPrefColumnCount(64);
        // Every character of the key matters, and a fixed width shows all of them.
        value.setStyle("-fx-font-family: monospace;");
        HBox.setHgrow(value, Priority.ALWAYS);
        Button copy = new Button(messages.get("admin.key.copy"), Icons.of(Feather.COPY));
        copy.setId("admin-scanner-key-copy");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        Label copied = new Label();
        copied.getStyleClass().add(ConsoleStyles.MUTED);
        copied.managedProperty().bind(copied.textProperty().isNotEmpty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(key.apiKey());
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText(messages.get("admin.key.copied"));
        });
        Label warning = new Label(messages.get("admin.key.warning"), Icons.of(Feather.ALERT_TRIANGLE));
        warning.setId("admin-scanner-key-warning");
        warning.getStyleClass().add(ConsoleStyles.ERROR);
        warning.setWrapText(true);
        warning.setMaxWidth(640);
        Label how = new Label(messages.get("admin.key.how"));
        how.setWrapText(true);
        how.setMaxWidth(640);
        VBox content = new VBox(10, warning, new HBox(8, value, copy), copied, how);

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("admin.key.title", key.scannerName()));
        dialog.setHeaderText(messages.get("admin.key.title", key.scannerName()));
        dialog.getDialogPane().setId("admin-scanner-key-dialog");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(AdminDialogs.close(messages));
        Theme.style(dialog.getDialogPane().getScene());
        dialog.showAndWait();
    }
}
