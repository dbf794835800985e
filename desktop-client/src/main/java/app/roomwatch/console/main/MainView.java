package app.roomwatch.console.main;

import app.roomwatch.console.admin.AdminView;
import app.roomwatch.console.feed.FeedView;
import app.roomwatch.console.groups.GroupsView;
import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.notifications.NotificationsView;
import app.roomwatch.console.notifications.UrgentStripView;
import app.roomwatch.console.rooms.RoomsView;
import app.roomwatch.console.roster.RosterView;
import app.roomwatch.console.status.StatusLightView;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.toast.ToastView;
import app.roomwatch.console.ui.Icons;
import app.roomwatch.console.ui.StyleState;
import app.roomwatch.console.whereis.WhereIsView;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.feather.Feather;

/**
 * The signed-in window: a header (who, status light, activity badge, bell, settings, sign out), the banner when
 * updates are not live, the strip of unread urgent notifications, the six views as tabs, and the toasts over them.
 */
public final class MainView extends StackPane {

    private final MainViewModel model;
    private final Messages messages;
    private final ZoneId zone;
    private final Runnable onSettings;
    private final Runnable onLogout;

    private final TabPane tabs = new TabPane();
    private final Tab roomsTab = new Tab();
    private final Tab groupsTab = new Tab();
    private final Tab whereTab = new Tab();
    private final Tab rosterTab = new Tab();
    private final Tab feedTab = new Tab();
    private final Tab notificationsTab = new Tab();
    private final Label banner = new Label();
    private final Label asOf = new Label();
    private final Button badge = new Button();
    private final Button bell = new Button();
    private final Label bellCount = new Label();
    private final Circle bellDot = new Circle(5);
    private final Button settings = new Button();
    private final Button logout = new Button();

    public MainView(MainViewModel model, Messages messages, ZoneId zone, Runnable onSettings, Runnable onLogout) {
        this.model = model;
        this.messages = messages;
        this.zone = zone;
        this.onSettings = onSettings;
        this.onLogout = onLogout;
        createView();
        initListeners();
    }

    private void createView() {
        Label appName = new Label(messages.get("app.title"), Icons.of(Feather.EYE, 20));
        appName.getStyleClass().add(ConsoleStyles.APP_NAME);
        Label signedIn = new Label(model.displayName());
        signedIn.setId("signed-in-as");
        signedIn.getStyleClass().add(ConsoleStyles.SIGNED_IN);

        badge.setId("feed-badge");
        badge.getStyleClass().add(ConsoleStyles.BADGE);
        badge.managedProperty().bind(badge.visibleProperty());

        bellCount.setId("bell-count");
        bellCount.getStyleClass().add("rw-count");
        bellDot.setId("bell-dot");
        bellDot.getStyleClass().add(ConsoleStyles.BELL_DOT);
        StackPane bellGraphic = new StackPane(Icons.of(Feather.BELL, 20), bellDot);
        StackPane.setAlignment(bellDot, Pos.TOP_RIGHT);
        bellGraphic.setPrefSize(26, 26);
        bell.setId("bell");
        bell.setGraphic(new HBox(4, bellGraphic, bellCount));
        bell.getStyleClass().addAll(ConsoleStyles.BELL, "flat");

        settings.setId("settings");
        settings.setGraphic(Icons.of(Feather.SETTINGS, 18));
        settings.getStyleClass().addAll("flat", "button-icon");
        settings.setTooltip(new Tooltip(messages.get("header.settings")));
        logout.setId("logout");
        logout.setText(messages.get("header.logout"));
        logout.setGraphic(Icons.of(Feather.LOG_OUT));
        logout.getStyleClass().add("flat");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header =
                new HBox(appName, signedIn, spacer, badge, new StatusLightView(model.status()), bell, settings, logout);
        header.getStyleClass().add(ConsoleStyles.HEADER);

        banner.setId("status-banner");
        banner.getStyleClass().add(ConsoleStyles.BANNER);
        banner.setGraphic(Icons.of(Feather.WIFI_OFF));
        banner.managedProperty().bind(banner.visibleProperty());
        asOf.setId("status-as-of");
        asOf.getStyleClass().add(ConsoleStyles.BANNER);
        asOf.managedProperty().bind(asOf.visibleProperty());

        roomsTab.setText(messages.get("tab.rooms"));
        roomsTab.setGraphic(Icons.of(Feather.GRID));
        roomsTab.setContent(new RoomsView(model.rooms(), messages, zone));
        whereTab.setText(messages.get("tab.where"));
        whereTab.setGraphic(Icons.of(Feather.SEARCH));
        whereTab.setContent(new WhereIsView(model.whereIs(), messages, zone));
        rosterTab.setText(messages.get("tab.roster"));
        rosterTab.setGraphic(Icons.of(Feather.CLIPBOARD));
        rosterTab.setContent(new RosterView(model.roster(), messages, zone));
        groupsTab.setText(messages.get("tab.groups"));
        groupsTab.setGraphic(Icons.of(Feather.USERS));
        groupsTab.setContent(
                new GroupsView(model.groups(), messages, zone, model.status().reach()));
        feedTab.setText(messages.get("tab.feed"));
        feedTab.setGraphic(Icons.of(Feather.ACTIVITY));
        feedTab.setContent(new FeedView(model.feed(), messages, zone));
        notificationsTab.setText(messages.get("tab.notifications"));
        notificationsTab.setGraphic(Icons.of(Feather.BELL));
        notificationsTab.setContent(new NotificationsView(
                model.notifications(), messages, zone, model.status().reach()));
        tabs.setId("main-tabs");
        tabs.getTabs().setAll(groupsTab, roomsTab, rosterTab, whereTab, feedTab, notificationsTab);
        if (model.admin() != null) {
            Tab adminTab = new Tab(
                    messages.get("admin.tab"),
                    new AdminView(model.admin(), messages, zone, model.status().reach()));
            adminTab.setId("admin-tab");
            adminTab.setGraphic(Icons.of(Feather.SLIDERS));
            tabs.getTabs().add(adminTab);
        }
        tabs.getTabs().forEach(tab -> tab.setClosable(false));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        BorderPane page = new BorderPane(tabs);
        UrgentStripView strip = new UrgentStripView(
                model.notifications(),
                messages,
                zone,
                this::openNotification,
                model.status().reach());
        page.setTop(new VBox(header, banner, asOf, strip));
        ToastView toasts = new ToastView(model.toasts(), messages, toast -> openNotification(toast.id()));
        // Toasts sit below the urgent strip, never over its buttons.
        toasts.translateYProperty()
                .bind(Bindings.when(strip.visibleProperty())
                        .then(strip.heightProperty())
                        .otherwise(0.0));
        StackPane.setAlignment(toasts, Pos.TOP_RIGHT);
        getChildren().addAll(page, toasts);
    }

    private void initListeners() {
        banner.textProperty().bind(model.status().bannerProperty());
        banner.visibleProperty().bind(model.status().bannerVisibleProperty());
        asOf.textProperty().bind(model.status().asOfProperty());
        asOf.visibleProperty().bind(model.status().asOfProperty().isNotEmpty());
        // What the views show may be old while the console is not live: it is drawn paler until it is live again.
        model.status()
                .reach()
                .blocked()
                .subscribe(old -> StyleState.set(
                        tabs.getStyleClass(), old ? ConsoleStyles.STALE : null, List.of(ConsoleStyles.STALE)));

        var feed = model.feed();
        badge.textProperty().bind(feed.badgeTextProperty());
        badge.visibleProperty().bind(feed.unseenProperty().greaterThan(0));
        badge.setOnAction(e -> tabs.getSelectionModel().select(feedTab));

        var unread = model.notifications().unreadCountProperty();
        bellCount.textProperty().bind(unread.asString());
        bellCount.visibleProperty().bind(unread.greaterThan(0));
        bellCount.managedProperty().bind(bellCount.visibleProperty());
        bellDot.visibleProperty().bind(unread.greaterThan(0));
        Tooltip bellTip = new Tooltip();
        bellTip.textProperty()
                .bind(Bindings.createStringBinding(() -> messages.get("header.bell.count", unread.get()), unread));
        bell.setTooltip(bellTip);
        bell.setOnAction(e -> tabs.getSelectionModel().select(notificationsTab));

        settings.setOnAction(e -> onSettings.run());
        logout.setOnAction(e -> onLogout.run());

        // The feed counts as looked at while its tab is showing in a focused window.
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                ObservableValue<Boolean> focused = scene.windowProperty()
                        .flatMap(window -> window.focusedProperty())
                        .orElse(false);
                feed.lookedAtProperty()
                        .bind(Bindings.createBooleanBinding(
                                () -> feedTab.isSelected() && Boolean.TRUE.equals(focused.getValue()),
                                feedTab.selectedProperty(),
                                focused));
            }
        });
    }

    /** Shows the notifications panel with notification {@code id} open. */
    private void openNotification(String id) {
        tabs.getSelectionModel().select(notificationsTab);
        model.notifications().openNotification(id);
    }

    /** Shows one of the views by its tab text's key ({@code tab.rooms}, {@code tab.groups}, …); for tests and docs. */
    public void show(String tabKey) {
        tabs.getTabs().stream()
                .filter(tab -> tab.getText().equals(messages.get(tabKey)))
                .findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab));
    }
}
