package app.roomwatch.console.groups;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.status.ServerReach;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.Icons;
import app.roomwatch.console.ui.Lists;
import app.roomwatch.console.ui.MessageLine;
import app.roomwatch.console.ui.NeedsServer;
import app.roomwatch.console.ui.RowCell;
import app.roomwatch.console.ui.Selections;
import app.roomwatch.console.ui.StyleState;
import app.roomwatch.console.whereis.LocationText;
import app.roomwatch.model.api.ActiveGroupView;
import app.roomwatch.model.api.StudentSummary;
import app.roomwatch.model.api.VisitDisplay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * My groups: the supervisor's activities on the left, the selected one's children on the right, newest arrival on
 * top, with check-in by search, check-out, and the activity's own actions below.
 */
public final class GroupsView extends SplitPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final GroupsViewModel model;
    private final Messages messages;
    private final ZoneId zone;
    private final LocationText locations;
    private final ServerReach reach;

    private final ListView<ActiveGroupView> groups = new ListView<>();
    private final Label title = new Label();
    private final TextField search = new TextField();
    private final ListView<StudentSummary> results = new ListView<>();
    private final Button checkIn = new Button();
    private final TableView<VisitDisplay> children = new TableView<>();
    private final TextField childrenFilter = new TextField();
    private final FilteredList<VisitDisplay> shownChildren;
    private final Button checkOut = new Button();
    private final Button start = new Button();
    private final Button supervisors = new Button();
    private final Button end = new Button();
    private final Button undo = new Button();
    private final List<GroupCell> groupCells = new ArrayList<>();
    private final NeedsServer checkInGuard;
    private final NeedsServer checkOutGuard;
    private final NeedsServer supervisorsGuard;
    private final NeedsServer endGuard;

    public GroupsView(GroupsViewModel model, Messages messages, ZoneId zone, ServerReach reach) {
        this.model = model;
        this.reach = reach;
        this.messages = messages;
        this.zone = zone;
        this.locations = new LocationText(messages, zone);
        this.shownChildren = new FilteredList<>(model.mine().children().items());
        this.checkInGuard = new NeedsServer(checkIn, reach);
        this.checkOutGuard = new NeedsServer(checkOut, reach);
        this.supervisorsGuard = new NeedsServer(supervisors, reach);
        this.endGuard = new NeedsServer(end, reach);
        createView();
        initListeners();
    }

    private void createView() {
        Label none = new Label(messages.get("groups.none"));
        none.setWrapText(true);
        none.getStyleClass().add(ConsoleStyles.EMPTY);
        Lists.fill(groups, "groups-list", model.mine().groups().items(), none, view -> {
            GroupCell cell = new GroupCell();
            groupCells.add(cell);
            return cell;
        });
        start.setText(messages.get("groups.start"));
        start.setGraphic(Icons.of(Feather.PLAY));
        start.setMaxWidth(Double.MAX_VALUE);
        NeedsServer startGuard = new NeedsServer(start, reach);
        startGuard.setMaxWidth(Double.MAX_VALUE);
        VBox left = new VBox(10, groups, startGuard);
        left.getStyleClass().add(ConsoleStyles.PANE);

        title.getStyleClass().add(ConsoleStyles.GROUP_TITLE);
        search.setId("groups-search");
        search.setPromptText(messages.get("groups.search.prompt"));
        HBox.setHgrow(search, Priority.ALWAYS);
        checkIn.setId("groups-check-in");
        checkIn.setText(messages.get("groups.checkIn"));
        checkIn.setGraphic(Icons.of(Feather.LOG_IN));
        HBox searchRow = new HBox(8, search, checkInGuard, childrenFilter);
        results.setId("groups-search-results");
        results.getStyleClass().add("rw-search-results");
        results.setCellFactory(view -> new StudentCell());
        results.setItems(model.search().results());
        results.managedProperty().bind(results.visibleProperty());

        children.setId("groups-children");
        // One line per child, so that a group of 30 fits at 1600x1000 without scrolling.
        children.setFixedCellSize(24);
        children.setItems(shownChildren);
        childrenFilter.setId("groups-filter");
        childrenFilter.setPromptText(messages.get("where.filter.prompt"));
        childrenFilter.setPrefColumnCount(14);
        childrenFilter
                .textProperty()
                .addListener((obs, was, now) -> shownChildren.setPredicate(visit -> matches(visit, now)));
        children.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        children.getColumns().add(column(messages.get("groups.column.name"), VisitDisplay::studentName));
        children.getColumns().add(column(messages.get("groups.column.class"), VisitDisplay::schoolClass));
        children.getColumns()
                .add(column(
                        messages.get("groups.column.since"),
                        v -> TIME.format(v.checkedInAt().atZone(zone))));
        children.getColumns()
                .add(column(
                        messages.get("groups.column.source"),
                        v -> messages.get("source." + v.source().wireName())));
        children.setPlaceholder(new Label(messages.get("groups.noChildren")));
        VBox.setVgrow(children, Priority.ALWAYS);

        checkOut.setId("groups-check-out");
        start.setId("groups-start");
        supervisors.setId("groups-supervisors");
        end.setId("groups-end");
        checkOut.setText(messages.get("groups.checkOut"));
        checkOut.setGraphic(Icons.of(Feather.LOG_OUT));
        supervisors.setText(messages.get("groups.supervisors"));
        supervisors.setGraphic(Icons.of(Feather.USERS));
        end.setText(messages.get("groups.end"));
        end.setGraphic(Icons.of(Feather.SQUARE));
        end.getStyleClass().add("danger");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, checkOutGuard, spacer, supervisorsGuard, endGuard);
        actions.setAlignment(Pos.CENTER_LEFT);

        MessageLine message = new MessageLine(ConsoleStyles.MESSAGE, model.messageProperty());
        message.setId("groups-message");
        model.messageIsFailureProperty()
                .subscribe(failed -> StyleState.set(
                        message.getStyleClass(),
                        failed ? ConsoleStyles.ERROR : ConsoleStyles.MESSAGE,
                        List.of(ConsoleStyles.ERROR, ConsoleStyles.MESSAGE)));
        message.setWrapText(true);
        // The confirmation of a check-in or check-out offers to take it back for a few seconds.
        undo.setId("groups-undo");
        undo.setText(messages.get("groups.undo"));
        undo.setGraphic(Icons.of(Feather.ROTATE_CCW));
        NeedsServer undoGuard = new NeedsServer(undo, reach);
        undoGuard.visibleProperty().bind(model.actions().undoableProperty());
        undoGuard.managedProperty().bind(undoGuard.visibleProperty());
        HBox messageRow = new HBox(8, message, undoGuard);
        messageRow.setAlignment(Pos.CENTER_LEFT);
        messageRow.visibleProperty().bind(message.visibleProperty().or(undoGuard.visibleProperty()));
        messageRow.managedProperty().bind(messageRow.visibleProperty());

        VBox right = new VBox(10, title, searchRow, results, messageRow, children, actions);
        right.getStyleClass().add(ConsoleStyles.PANE);
        getItems().addAll(left, right);
        setDividerPositions(0.28);
    }

    private void initListeners() {
        Selections.bind(groups.getSelectionModel(), model.mine().groups());
        Selections.bind(children.getSelectionModel(), model.mine().children());
        // Only the count line of the cells on screen changes; ListView.refresh() would throw every cell away and
        // build, style and lay out new ones, once per refetched group during a burst.
        model.mine().setOnCountsChanged(() -> groupCells.forEach(GroupCell::showCount));

        var selectedGroup = model.mine().groups().selectedIdProperty();
        title.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            ActiveGroupView group = model.mine().groups().selected();
                            return group == null
                                    ? ""
                                    : messages.get("groups.groupLine", group.name(), group.roomName());
                        },
                        selectedGroup,
                        model.mine().groups().items()));
        var noGroup = selectedGroup.isNull();
        search.disableProperty().bind(noGroup);
        supervisorsGuard.alsoDisabledWhen(noGroup);
        endGuard.alsoDisabledWhen(noGroup);
        checkOutGuard.alsoDisabledWhen(
                children.getSelectionModel().selectedItemProperty().isNull());
        checkInGuard.alsoDisabledWhen(
                noGroup.or(results.getSelectionModel().selectedItemProperty().isNull()));
        results.visibleProperty().bind(Bindings.isNotEmpty(model.search().results()));

        search.textProperty().addListener((obs, was, now) -> model.search().search(now));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !results.getItems().isEmpty()) {
                results.requestFocus();
                results.getSelectionModel().selectFirst();
            }
        });
        results.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                checkInSelected();
            }
        });
        results.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                checkInSelected();
            }
        });
        checkIn.setOnAction(e -> checkInSelected());
        undo.setOnAction(e -> model.actions().undo());
        checkOut.setOnAction(e -> {
            VisitDisplay visit = children.getSelectionModel().getSelectedItem();
            if (visit != null) {
                model.actions().checkOut(visit);
            }
        });
        start.setOnAction(e ->
                GroupDialogs.startActivity(model.actions(), messages, getScene().getWindow()));
        supervisors.setOnAction(e -> {
            ActiveGroupView group = model.mine().groups().selected();
            if (group != null) {
                GroupDialogs.changeSupervisors(
                        model.actions(), group, messages, getScene().getWindow());
            }
        });
        end.setOnAction(e -> {
            ActiveGroupView group = model.mine().groups().selected();
            if (group != null) {
                GroupDialogs.endActivity(
                        model.actions(),
                        group,
                        model.mine().childCount(group.id()),
                        messages,
                        getScene().getWindow());
            }
        });
    }

    /** Whether a child's name or class starts with each word of the filter. */
    private static boolean matches(VisitDisplay visit, String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String name = visit.studentName().toLowerCase(java.util.Locale.ROOT);
        for (String word : filter.strip().toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
            boolean any = visit.schoolClass().toLowerCase(java.util.Locale.ROOT).startsWith(word);
            for (String part : name.split("\\s+")) {
                any |= part.startsWith(word);
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private void checkInSelected() {
        StudentSummary student = results.getSelectionModel().getSelectedItem();
        if (student != null) {
            model.actions().checkIn(student);
            search.clear();
        }
    }

    private static TableColumn<VisitDisplay, String> column(
            String name, java.util.function.Function<VisitDisplay, String> value) {
        TableColumn<VisitDisplay, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private final class GroupCell extends RowCell<ActiveGroupView> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(2, name, detail);

        GroupCell() {
            name.getStyleClass().add(ConsoleStyles.GROUP_TITLE);
            detail.getStyleClass().add(ConsoleStyles.MUTED);
        }

        @Override
        protected VBox show(ActiveGroupView group) {
            name.setText(group.name());
            showCount();
            return box;
        }

        void showCount() {
            ActiveGroupView group = getItem();
            if (group != null && !isEmpty()) {
                detail.setText(group.roomName() + " \u00b7 "
                        + messages.get("groups.children", model.mine().childCount(group.id())));
            }
        }
    }

    private final class StudentCell extends ListCell<StudentSummary> {
        @Override
        protected void updateItem(StudentSummary student, boolean empty) {
            super.updateItem(student, empty);
            setText(
                    empty || student == null
                            ? null
                            : student.firstName() + " " + student.lastName() + "  (" + student.schoolClass()
                                    + ")  \u00b7  " + locations.of(student.location()));
        }
    }
}
