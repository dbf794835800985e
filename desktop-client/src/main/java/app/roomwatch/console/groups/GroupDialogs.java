package app.roomwatch.console.groups;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.theme.Theme;
import app.roomwatch.model.api.ActiveGroupView;
import app.roomwatch.model.api.Person;
import app.roomwatch.model.api.RoomView;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
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
        dialog.getDialogPane().setId("start-activity-dialog");
        ButtonType start = new ButtonType(messages.get("groups.start.confirm"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(start, cancel(messages));
        dialog.getDialogPane()
                .lookupButton(start)
                .disableProperty()
                .bind(name.textProperty().isEmpty().or(room.valueProperty().isNull()));
        name.requestFocus();
        dialog.showAndWait()
                .filter(start::equals)
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
        dialog.getDialogPane().setId("supervisors-dialog");
        ButtonType save = new ButtonType(messages.get("groups.supervisors.confirm"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, cancel(messages));
        dialog.showAndWait()
                .filter(save::equals)
                .ifPresent(ok -> model.changeSupervisors(
                        group,
                        checks.stream()
                                .filter(CheckBox::isSelected)
                                .map(c -> (String) c.getUserData())
                                .toList()));
    }

    /**
     * Asks before ending an activity, saying how many children are still in and that they will be checked out; the
     * confirming button names what it does, and the safe answer is the default.
     */
    static void endActivity(
            GroupActionsViewModel model, ActiveGroupView group, int childrenInside, Messages messages, Window owner) {
        ButtonType end = new ButtonType(messages.get("where.end.button", childrenInside), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(messages.get("where.end.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert confirm = new Alert(
                Alert.AlertType.CONFIRMATION,
                messages.get("where.end.confirm", group.name(), childrenInside, group.roomName()),
                end,
                keep);
        confirm.initOwner(owner);
        confirm.setHeaderText(messages.get("where.end.title", group.name()));
        confirm.setTitle(messages.get("groups.end"));
        ((javafx.scene.control.Button) confirm.getDialogPane().lookupButton(end)).setDefaultButton(false);
        ((javafx.scene.control.Button) confirm.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        confirm.getDialogPane().setId("end-activity-dialog");
        Theme.style(confirm.getDialogPane().getScene());
        confirm.showAndWait().filter(end::equals).ifPresent(ok -> model.endActivity(group));
    }

    /** JavaFX's own Cancel speaks the machine's language, not the console's. */
    private static ButtonType cancel(Messages messages) {
        return new ButtonType(messages.get("groups.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
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
