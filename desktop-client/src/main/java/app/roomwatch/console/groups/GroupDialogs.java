package app.roomwatch.console.groups;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.theme.Theme;
import app.roomwatch.model.api.ActiveGroupView;
import app.roomwatch.model.api.Person;
import app.roomwatch.model.api.RoomView;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The small dialogs of My groups: start an activity, change its supervisors, confirm ending it. */
final class GroupDialogs {

    private GroupDialogs() {}

    static void startActivity(GroupActionsViewModel model, Messages messages, Window owner) {
        model.loadFreeRooms();
        TextField name = new TextField();
        ComboBox<RoomView> room = new ComboBox<>(model.freeRooms());
        room.setCellFactory(view -> new RoomCell());
        room.setButtonCell(new RoomCell());
        room.setMaxWidth(Double.MAX_VALUE);
        GridPane form = new GridPane(10, 10);
        form.addRow(0, new Label(messages.get("groups.start.name")), name);
        form.addRow(1, new Label(messages.get("groups.start.room")), room);

        Dialog<ButtonType> dialog = dialog(owner, messages.get("groups.start.title"));
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane()
                .lookupButton(ButtonType.OK)
                .disableProperty()
                .bind(name.textProperty().isEmpty().or(room.valueProperty().isNull()));
        name.requestFocus();
        dialog.showAndWait()
                .filter(ButtonType.OK::equals)
                .ifPresent(ok ->
                        model.startActivity(name.getText(), room.getValue().id()));
    }

    static void changeSupervisors(GroupActionsViewModel model, ActiveGroupView group, Messages messages, Window owner) {
        List<Person> candidates = model.supervisorCandidates();
        VBox boxes = new VBox(8);
        List<CheckBox> checks = candidates.stream()
                .map(person -> {
                    CheckBox check = new CheckBox(person.displayName());
                    check.setSelected(group.supervisors().stream().anyMatch(s -> s.id().equals(person.id())));
                    check.setUserData(person.id());
                    return check;
                })
                .toList();
        boxes.getChildren().addAll(checks);

        Dialog<ButtonType> dialog = dialog(owner, messages.get("groups.supervisors.title", group.name()));
        dialog.getDialogPane().setContent(boxes);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait()
                .filter(ButtonType.OK::equals)
                .ifPresent(ok -> model.changeSupervisors(
                        group,
                        checks.stream()
                                .filter(CheckBox::isSelected)
                                .map(c -> (String) c.getUserData())
                                .toList()));
    }

    static void endActivity(GroupActionsViewModel model, ActiveGroupView group, Messages messages, Window owner) {
        Alert confirm = new Alert(
                Alert.AlertType.CONFIRMATION,
                messages.get("groups.end.confirm", group.name()),
                ButtonType.OK,
                ButtonType.CANCEL);
        confirm.initOwner(owner);
        confirm.setHeaderText(null);
        confirm.setTitle(messages.get("groups.end"));
        Theme.style(confirm.getDialogPane().getScene());
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.endActivity(group));
    }

    private static Dialog<ButtonType> dialog(Window owner, String title) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        Theme.style(dialog.getDialogPane().getScene());
        return dialog;
    }

    private static final class RoomCell extends ListCell<RoomView> {
        @Override
        protected void updateItem(RoomView room, boolean empty) {
            super.updateItem(room, empty);
            setText(empty || room == null ? null : room.name());
        }
    }
}
