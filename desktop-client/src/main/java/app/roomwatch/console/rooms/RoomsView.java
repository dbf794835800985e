package app.roomwatch.console.rooms;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.Lists;
import app.roomwatch.console.ui.MessageLine;
import app.roomwatch.console.ui.RowCell;
import app.roomwatch.console.ui.Selections;
import app.roomwatch.console.ui.StyleState;
import app.roomwatch.model.api.RoomView;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Live rooms: one row per room, the fill level first, because that is what a supervisor glances for. */
public final class RoomsView extends VBox {

    private static final List<String> STATES = List.of(ConsoleStyles.OVER_CAPACITY, ConsoleStyles.IDLE);

    private final RoomsViewModel model;
    private final Messages messages;
    private final Label summary = new Label();
    private final ListView<RoomView> list = new ListView<>();

    public RoomsView(RoomsViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add(ConsoleStyles.PANE);
        summary.getStyleClass().add(ConsoleStyles.SUMMARY);
        Lists.fill(
                list,
                "rooms-list",
                model.rooms().items(),
                new Label(messages.get("rooms.empty")),
                view -> new RoomCell());
        getChildren().addAll(summary, new MessageLine(ConsoleStyles.ERROR, model.errorProperty()), list);
    }

    private void initListeners() {
        summary.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> messages.get(
                                "rooms.childrenPresent",
                                model.childrenPresentProperty().get()),
                        model.childrenPresentProperty()));
        Selections.bind(list.getSelectionModel(), model.rooms());
    }

    private final class RoomCell extends RowCell<RoomView> {
        private final Label name = new Label();
        private final Label activity = new Label();
        private final ProgressBar fill = new ProgressBar();
        private final Label occupancy = new Label();
        private final HBox row;

        RoomCell() {
            name.getStyleClass().add(ConsoleStyles.ROOM_NAME);
            activity.getStyleClass().add(ConsoleStyles.MUTED);
            occupancy.getStyleClass().add(ConsoleStyles.OCCUPANCY);
            fill.setPrefWidth(180);
            VBox text = new VBox(2, name, activity);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            row = new HBox(text, spacer, fill, occupancy);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add(ConsoleStyles.ROOM_ROW);
        }

        @Override
        protected void cleared() {
            StyleState.set(row.getStyleClass(), null, STATES);
        }

        @Override
        protected HBox show(RoomView room) {
            name.setText(room.name());
            String supervisors = model.supervisorsText(room);
            activity.setText(
                    supervisors.isEmpty()
                            ? model.activityText(room)
                            : model.activityText(room) + " \u00b7 " + messages.get("rooms.supervisedBy", supervisors));
            fill.setProgress(Math.min(1.0, model.fill(room)));
            occupancy.setText(model.occupancyText(room));
            StyleState.set(
                    row.getStyleClass(),
                    model.isOverCapacity(room)
                            ? ConsoleStyles.OVER_CAPACITY
                            : room.activeGroup() == null ? ConsoleStyles.IDLE : null,
                    STATES);
            return row;
        }
    }
}
