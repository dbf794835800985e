package app.roomwatch.console.admin;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.theme.Theme;
import app.roomwatch.model.api.StaffRole;
import app.roomwatch.model.api.admin.GroupRecord;
import app.roomwatch.model.api.admin.RoomRecord;
import app.roomwatch.model.api.admin.StaffAccount;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.BooleanExpression;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The admin area's small dialogs: the forms for staff, rooms, groups and leads, and the confirmations. */
final class AdminDialogs {

    private AdminDialogs() {}

    /** Adds an account ({@code account} null) or changes one's display name and role. */
    static void staff(StaffAdminViewModel model, StaffAccount account, Messages messages, Window owner) {
        TextField username = field("admin-staff-username");
        TextField displayName = field("admin-staff-name");
        ComboBox<StaffRole> role = new ComboBox<>();
        role.setId("admin-staff-role");
        role.getItems().setAll(StaffRole.values());
        role.setCellFactory(view -> cell(r -> AdminControls.role(messages, r)));
        role.setButtonCell(cell(r -> AdminControls.role(messages, r)));
        PasswordField password = new PasswordField();
        password.setId("admin-staff-password");
        GridPane form = grid();
        form.addRow(0, new Label(messages.get("admin.staff.displayName")), displayName);
        if (account == null) {
            form.addRow(1, new Label(messages.get("admin.staff.username")), username);
            form.addRow(2, new Label(messages.get("admin.staff.role")), role);
            form.addRow(3, new Label(messages.get("admin.staff.password")), password);
            role.setValue(StaffRole.SUPERVISOR);
        } else {
            displayName.setText(account.displayName());
            role.setValue(account.role());
            form.addRow(1, new Label(messages.get("admin.staff.role")), role);
        }
        Dialog<ButtonType> dialog = form(
                messages,
                owner,
                account == null
                        ? messages.get("admin.staff.add.title")
                        : messages.get("admin.staff.edit.title", account.displayName()),
                "admin-staff-dialog",
                form);
        BooleanExpression missing =
                displayName.textProperty().isEmpty().or(role.valueProperty().isNull());
        if (account == null) {
            missing = missing.or(username.textProperty().isEmpty())
                    .or(password.textProperty().isEmpty());
        }
        okDisabledWhile(dialog, missing);
        if (confirmed(dialog)) {
            if (account == null) {
                model.add(username.getText(), displayName.getText(), role.getValue(), password.getText());
            } else {
                model.edit(account, displayName.getText(), role.getValue());
            }
        }
    }

    static void resetPassword(StaffAdminViewModel model, StaffAccount account, Messages messages, Window owner) {
        PasswordField password = new PasswordField();
        password.setId("admin-staff-new-password");
        Label hint = new Label(messages.get("admin.staff.password.hint", StaffAdminViewModel.MIN_PASSWORD));
        hint.setWrapText(true);
        GridPane form = grid();
        form.addRow(0, new Label(messages.get("admin.staff.password")), password);
        form.add(hint, 0, 1, 2, 1);
        Dialog<ButtonType> dialog = form(
                messages,
                owner,
                messages.get("admin.staff.reset.title", account.displayName()),
                "admin-password-dialog",
                form);
        okDisabledWhile(dialog, password.textProperty().isEmpty());
        if (confirmed(dialog)) {
            model.resetPassword(account, password.getText());
        }
    }

    /** Adds a room ({@code room} null) or changes its name and capacity. */
    static void room(PlacesAdminViewModel model, RoomRecord room, Messages messages, Window owner) {
        TextField name = field("admin-room-name");
        TextField capacity = field("admin-room-capacity");
        capacity.setPrefColumnCount(5);
        if (room != null) {
            name.setText(room.name());
            capacity.setText(Integer.toString(room.capacity()));
        }
        GridPane form = grid();
        form.addRow(0, new Label(messages.get("admin.rooms.name")), name);
        form.addRow(1, new Label(messages.get("admin.rooms.capacity")), capacity);
        Dialog<ButtonType> dialog = form(
                messages,
                owner,
                room == null
                        ? messages.get("admin.rooms.add.title")
                        : messages.get("admin.rooms.edit.title", room.name()),
                "admin-room-dialog",
                form);
        okDisabledWhile(
                dialog, name.textProperty().isEmpty().or(capacity.textProperty().isEmpty()));
        if (confirmed(dialog)) {
            model.saveRoom(room, name.getText(), capacity.getText());
        }
    }

    /** Adds a group ({@code group} null) or renames one. */
    static void group(PlacesAdminViewModel model, GroupRecord group, Messages messages, Window owner) {
        TextField name = field("admin-group-name");
        if (group != null) {
            name.setText(group.name());
        }
        GridPane form = grid();
        form.addRow(0, new Label(messages.get("admin.groups.name")), name);
        Dialog<ButtonType> dialog = form(
                messages,
                owner,
                group == null
                        ? messages.get("admin.groups.add.title")
                        : messages.get("admin.groups.edit.title", group.name()),
                "admin-group-dialog",
                form);
        okDisabledWhile(dialog, name.textProperty().isEmpty());
        if (confirmed(dialog)) {
            model.saveGroup(group, name.getText());
        }
    }

    /**
     * Who leads the group: every enabled staff member, those in {@code current} ticked; what is ticked when saved is
     * the new list.
     */
    static void leads(
            PlacesAdminViewModel model,
            GroupRecord group,
            List<String> current,
            List<StaffAccount> staff,
            Messages messages,
            Window owner) {
        Label hint = new Label(messages.get("admin.groups.leads.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(380);
        VBox boxes = new VBox(6);
        List<CheckBox> checks = staff.stream()
                .filter(StaffAccount::enabled)
                .map(person -> {
                    CheckBox check = new CheckBox(person.displayName());
                    check.setUserData(person.id());
                    check.setSelected(current.contains(person.id()));
                    return check;
                })
                .toList();
        boxes.getChildren().addAll(checks);
        ScrollPane scroll = new ScrollPane(boxes);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(320, 28.0 * checks.size()));
        Dialog<ButtonType> dialog = form(
                messages,
                owner,
                messages.get("admin.groups.leads.title", group.name()),
                "admin-leads-dialog",
                new VBox(10, hint, scroll));
        if (confirmed(dialog)) {
            model.changeLeads(
                    group,
                    checks.stream()
                            .filter(CheckBox::isSelected)
                            .map(c -> (String) c.getUserData())
                            .toList());
        }
    }

    /**
     * Asks before something that cannot simply be undone (archive, revoke, disable), saying what will happen; the
     * confirming button names the action, and the safe answer is the default.
     */
    static boolean confirm(Messages messages, Window owner, String id, String title, String consequence, String act) {
        ButtonType yes = new ButtonType(act, ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(messages.get("admin.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, consequence, yes, keep);
        confirm.initOwner(owner);
        confirm.setTitle(title);
        confirm.setHeaderText(title);
        ((Button) confirm.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        confirm.getDialogPane().setId(id);
        confirm.getDialogPane().setPrefWidth(520);
        Theme.style(confirm.getDialogPane().getScene());
        return confirm.showAndWait().filter(yes::equals).isPresent();
    }

    /**
     * A form with *Save* and *Cancel* in the console's language (JavaFX's own OK and Cancel follow the computer's
     * language, not the console's).
     */
    static Dialog<ButtonType> form(Messages messages, Window owner, String title, String id, Node content) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane()
                .getButtonTypes()
                .addAll(new ButtonType(messages.get("admin.save"), ButtonBar.ButtonData.OK_DONE), cancel(messages));
        Theme.style(dialog.getDialogPane().getScene());
        return dialog;
    }

    static void okDisabledWhile(Dialog<ButtonType> dialog, javafx.beans.value.ObservableBooleanValue condition) {
        dialog.getDialogPane().getButtonTypes().stream()
                .filter(type -> type.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .forEach(type -> dialog.getDialogPane()
                        .lookupButton(type)
                        .disableProperty()
                        .bind(condition));
    }

    static boolean confirmed(Dialog<ButtonType> dialog) {
        return dialog.showAndWait()
                .filter(type -> type.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .isPresent();
    }

    static ButtonType cancel(Messages messages) {
        return new ButtonType(messages.get("admin.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    static ButtonType close(Messages messages) {
        return new ButtonType(messages.get("admin.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    static GridPane grid() {
        GridPane grid = new GridPane(10, 10);
        grid.setMinWidth(360);
        return grid;
    }

    static TextField field(String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(22);
        return field;
    }

    static <T> ComboBox<T> choice(String id, ObservableList<T> items, Function<T, String> text) {
        ComboBox<T> box = new ComboBox<>(items);
        box.setId(id);
        box.setCellFactory(view -> cell(text));
        box.setButtonCell(cell(text));
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }
}
