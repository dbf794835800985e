package app.roomwatch.console.rooms;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.Lists;
import app.roomwatch.console.ui.MessageLine;
import app.roomwatch.console.ui.RowCell;
import app.roomwatch.console.whereis.LocationText;
import app.roomwatch.model.api.RoomChild;
import app.roomwatch.model.api.RoomView;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Live rooms as a board: one card per room with its fill level, activity, supervisors and the children inside, newest
 * first; a click on a card opens its full list with check-in times beside the board.
 */
public final class RoomsView extends VBox {

    /** Names shown on a card before "+ 5 more"; the full list is one click away. */
    static final int NAMES_ON_CARD = 16;

    private static final double CARD_WIDTH = 340;
    /** Rows of children are one line each, so that a whole group fits on a screen. */
    static final double ROW_HEIGHT = 28;

    private final RoomsViewModel model;
    private final Messages messages;
    private final LocationText times;
    private final Label summary = new Label();
    private final TextField filter = new TextField();
    private final FlowPane board = new FlowPane(12, 12);
    private final Label detailTitle = new Label();
    private final ObservableList<RoomChild> detailChildren = FXCollections.observableArrayList();
    private final ListView<RoomChild> detail = new ListView<>();

    public RoomsView(RoomsViewModel model, Messages messages, ZoneId zone) {
        this.model = model;
        this.messages = messages;
        this.times = new LocationText(messages, zone);
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add(ConsoleStyles.PANE);
        summary.getStyleClass().add(ConsoleStyles.SUMMARY);
        filter.setId("rooms-filter");
        filter.setPromptText(messages.get("where.filter.prompt"));
        filter.setPrefColumnCount(18);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, summary, spacer, filter);
        top.setAlignment(Pos.CENTER_LEFT);
        board.setId("rooms-board");
        board.setRowValignment(javafx.geometry.VPos.TOP);
        board.getStyleClass().add(ConsoleStyles.ROOM_BOARD);
        ScrollPane boardScroll = new ScrollPane(board);
        boardScroll.setFitToWidth(true);
        boardScroll.getStyleClass().add(ConsoleStyles.ROOM_BOARD);
        HBox.setHgrow(boardScroll, Priority.ALWAYS);
        detailTitle.getStyleClass().add(ConsoleStyles.ROOM_NAME);
        detailTitle.setId("room-detail-title");
        Lists.fill(
                detail,
                "room-detail",
                detailChildren,
                new Label(messages.get("where.room.none")),
                view -> new DetailCell());
        detail.setFixedCellSize(ROW_HEIGHT);
        VBox detailPane = new VBox(8, detailTitle, detail);
        detailPane.setPrefWidth(300);
        detailPane.setMinWidth(260);
        VBox.setVgrow(detail, Priority.ALWAYS);
        detailPane.visibleProperty().bind(model.rooms().selectedIdProperty().isNotNull());
        detailPane.managedProperty().bind(detailPane.visibleProperty());
        HBox body = new HBox(12, boardScroll, detailPane);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(top, new MessageLine(ConsoleStyles.ERROR, model.errorProperty()), body);
    }

    private void initListeners() {
        summary.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> messages.get(
                                "rooms.childrenPresent",
                                model.childrenPresentProperty().get()),
                        model.childrenPresentProperty()));
        filter.textProperty().bindBidirectional(model.filterProperty());
        model.rooms().items().addListener((ListChangeListener<RoomView>) change -> redraw());
        model.filterProperty().addListener((obs, was, now) -> redraw());
        model.rooms().selectedIdProperty().addListener((obs, was, now) -> redraw());
        redraw();
    }

    private void redraw() {
        board.getChildren()
                .setAll(model.rooms().items().stream()
                        .filter(room -> !model.isFilteredOut(room))
                        .map(this::card)
                        .toList());
        RoomView selected = model.rooms().selected();
        if (selected == null) {
            detailTitle.setText("");
            detailChildren.clear();
        } else {
            detailTitle.setText(messages.get("where.room.title", selected.name(), model.occupancyText(selected)));
            detailChildren.setAll(model.childrenShown(selected));
        }
    }

    private VBox card(RoomView room) {
        Label name = new Label(room.name());
        name.getStyleClass().add(ConsoleStyles.ROOM_NAME);
        Label occupancy = new Label(model.occupancyText(room));
        occupancy.getStyleClass().add(ConsoleStyles.OCCUPANCY);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, name, spacer, occupancy);
        head.setAlignment(Pos.CENTER_LEFT);
        String supervisors = model.supervisorsText(room);
        Label activity = new Label(
                supervisors.isEmpty()
                        ? model.activityText(room)
                        : model.activityText(room) + " \u00b7 " + messages.get("rooms.supervisedBy", supervisors));
        activity.getStyleClass().add(ConsoleStyles.MUTED);
        activity.setWrapText(true);
        ProgressBar fill = new ProgressBar(Math.min(1.0, model.fill(room)));
        fill.setMaxWidth(Double.MAX_VALUE);
        fill.setMinHeight(Region.USE_PREF_SIZE);
        FlowPane names = new FlowPane(6, 4);
        // Wrapped at the card's inner width, so the card asks for the height its names need.
        names.setPrefWrapLength(CARD_WIDTH - 24);
        names.getStyleClass().add(ConsoleStyles.ROOM_CHILDREN);
        List<RoomChild> shown = model.childrenShown(room);
        shown.stream().limit(NAMES_ON_CARD).forEach(child -> {
            Label chip = new Label(child.studentName());
            chip.getStyleClass().add(ConsoleStyles.ROOM_CHILD);
            names.getChildren().add(chip);
        });
        if (shown.size() > NAMES_ON_CARD) {
            Label more = new Label(messages.get("where.room.more", shown.size() - NAMES_ON_CARD));
            more.getStyleClass().add(ConsoleStyles.MUTED);
            names.getChildren().add(more);
        }
        VBox card = new VBox(6, head, activity, fill, names);
        card.setId("room-card-" + room.id());
        card.getStyleClass().add(ConsoleStyles.ROOM_CARD);
        card.setPrefWidth(CARD_WIDTH);
        card.setMinHeight(Region.USE_PREF_SIZE);
        if (model.isOverCapacity(room)) {
            card.getStyleClass().add(ConsoleStyles.OVER_CAPACITY);
        } else if (room.activeGroup() == null) {
            card.getStyleClass().add(ConsoleStyles.IDLE);
        }
        if (room.id().equals(model.rooms().selectedIdProperty().get())) {
            card.getStyleClass().add(ConsoleStyles.ROOM_CARD_SELECTED);
        }
        // A filter on press: controls on the card (the fill bar) consume the mouse events they get, and a refetch may
        // redraw the board between press and release.
        card.addEventFilter(
                MouseEvent.MOUSE_PRESSED,
                e -> model.rooms()
                        .selectedIdProperty()
                        .set(room.id().equals(model.rooms().selectedIdProperty().get()) ? null : room.id()));
        return card;
    }

    private final class DetailCell extends RowCell<RoomChild> {
        private final Label name = new Label();
        private final Label time = new Label();
        private final Label how = new Label();
        private final HBox row;

        DetailCell() {
            name.getStyleClass().add(ConsoleStyles.CHILD_NAME);
            time.getStyleClass().add(ConsoleStyles.FEED_TIME);
            how.getStyleClass().add(ConsoleStyles.MUTED);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            row = new HBox(8, name, spacer, how, time);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add(ConsoleStyles.CHILD_ROW);
        }

        @Override
        protected HBox show(RoomChild child) {
            name.setText(child.studentName() + "  (" + child.schoolClass() + ")");
            time.setText(times.time(child.checkedInAt()));
            how.setText(messages.get("source." + child.source().wireName()));
            return row;
        }
    }
}
