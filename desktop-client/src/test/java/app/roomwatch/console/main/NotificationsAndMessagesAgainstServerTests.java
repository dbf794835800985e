package app.roomwatch.console.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roomwatch.console.api.ServerApi;
import app.roomwatch.console.api.StaffSession;
import app.roomwatch.console.feed.FeedKind;
import app.roomwatch.console.feed.FeedLine;
import app.roomwatch.console.main.ConsoleShell.ConsoleStartup;
import app.roomwatch.console.notifications.NotificationGroup;
import app.roomwatch.console.status.ConnectionSnapshot.Light;
import app.roomwatch.console.testing.QuickPolling;
import app.roomwatch.console.testing.ServerProcess;
import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.NotificationView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The notifications a supervisor cannot miss and the messages they can act on, on a real screen against the real
 * server jar: urgent ones each on their own, in the strip until read on any console, opened from their toast; info
 * ones grouped and opened; a refused sign-in said in words, pointing at the field to correct.
 */
class NotificationsAndMessagesAgainstServerTests {

    private static final Duration AWAIT = Duration.ofSeconds(30);

    @TempDir
    static Path serverDir;

    static ServerProcess server;
    static DemoSchool school;

    @TempDir
    Path consoleDir;

    final FxRobot robot = new FxRobot();
    ConsoleShell shell;
    Stage stage;

    @BeforeAll
    static void startServer() throws Exception {
        FxToolkit.registerPrimaryStage();
        server = ServerProcess.start(serverDir, Map.of("roomwatch.stream.ping-interval", "1s"));
        school = new DemoSchool(server.baseUrl());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeConsole() throws TimeoutException {
        if (stage != null) {
            robot.interact(() -> stage.close());
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void urgentAnnouncementsStayApartInTheStripUntilReadOnAnotherConsoleAndTheirToastOpensThem() throws Exception {
        open("anna");
        school.announce("Bus 12 delayed 20 minutes", "Pick-up at 16:20", "info");
        school.announce(
                "Mia R. (4a) reported missing from Gym", "Last seen at 14:05 near the changing rooms", "urgent");
        school.announce("Fire drill at 15:30", "Leave by the garden door", "urgent");

        VBox strip = robot.lookup("#urgent-strip").queryAs(VBox.class);
        await().atMost(AWAIT).until(() -> fx(() -> strip.getChildren().size() == 2));
        String shown = fx(() -> texts(strip));
        assertThat(shown)
                .contains("Mia R. (4a) reported missing from Gym", "Last seen at 14:05 near the changing rooms")
                .contains("Fire drill at 15:30", "Leave by the garden door")
                .contains("From Office Admin");
        // Neither urgent one is folded into a group with the other announcements.
        assertThat(fx(() -> shell.main().notifications().groups().stream()
                        .filter(NotificationGroup::isUrgentRow)
                        .map(g -> g.latest().title())
                        .toList()))
                .containsExactlyInAnyOrder("Mia R. (4a) reported missing from Gym", "Fire drill at 15:30");

        VBox toasts = robot.lookup("#toasts").queryAs(VBox.class);
        Node missingToast = fx(() -> toasts.getChildren().stream()
                .filter(card -> texts(card).contains("Mia R. (4a)"))
                .findFirst()
                .orElseThrow());
        robot.clickOn(missingToast);
        await().atMost(AWAIT)
                .until(() -> fx(() -> texts(robot.lookup("#notification-opened").query())
                        .contains("Last seen at 14:05 near the changing rooms")));
        assertThat(fx(() -> shell.main()
                        .notifications()
                        .openedProperty()
                        .get()
                        .latest()
                        .title()))
                .isEqualTo("Mia R. (4a) reported missing from Gym");

        // Anna reads it on her other console: the strip here lets it go.
        StaffSession other =
                StaffSession.login(ServerApi.at(server.baseUrl()), new LoginRequest("demo", "anna", "demo"));
        String id = fx(() -> shell.main().notifications().urgentUnread().stream()
                .filter(n -> n.title().startsWith("Mia R."))
                .map(NotificationView::id)
                .findFirst()
                .orElseThrow());
        other.post("/api/notifications/" + id + "/read", Map.of());
        await().atMost(AWAIT).until(() -> fx(() -> strip.getChildren().size() == 1));
        assertThat(fx(() -> texts(strip))).contains("Fire drill at 15:30").doesNotContain("Mia R.");
    }

    @Test
    void infoAnnouncementsShareARowThatOpensToEachOfThem() throws Exception {
        open("ben");
        school.announce("Lunch is late", "Around 12:45", "info");
        school.announce("Parents' evening on Thursday", "In the hall at 19:00", "info");

        await().atMost(AWAIT)
                .until(() -> fx(() -> shell.main().notifications().groups().stream()
                        .anyMatch(g -> !g.isUrgentRow() && g.size() >= 2)));
        robot.interact(() -> shell.mainView().show("tab.notifications"));
        @SuppressWarnings("unchecked")
        ListView<NotificationGroup> list = robot.lookup("#notifications-list").queryAs(ListView.class);
        NotificationGroup infos = fx(() -> list.getItems().stream()
                .filter(g -> !g.isUrgentRow() && g.size() >= 2)
                .findFirst()
                .orElseThrow());
        robot.interact(() -> list.getSelectionModel().select(infos));

        Node opened = robot.lookup("#notification-opened").query();
        await().atMost(AWAIT)
                .until(() -> fx(() ->
                        texts(opened).contains("Lunch is late") && texts(opened).contains("In the hall at 19:00")));
        assertThat(fx(() -> texts(opened))).contains("From Office Admin");
    }

    @Test
    void anAnnouncementReachesTheFeedAtOnceAndTheFeedNarrowsToOneKind() throws Exception {
        open("ben");
        robot.interact(() -> shell.mainView().show("tab.feed"));

        school.announce("Choir practice moved to the hall", "info");

        @SuppressWarnings("unchecked")
        ListView<FeedLine> feed = robot.lookup("#feed-list").queryAs(ListView.class);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> feed.getItems().stream()
                        .anyMatch(
                                line -> line.entry().text().equals("Notification: Choir practice moved to the hall"))));

        robot.clickOn(fx(() -> robot.lookup("#feed-filter .toggle-button").queryAllAs(ToggleButton.class).stream()
                .filter(b -> b.getText().equals("Notifications"))
                .findFirst()
                .orElseThrow()));
        await().atMost(AWAIT)
                .until(() -> fx(() -> !feed.getItems().isEmpty()
                        && feed.getItems().stream().allMatch(line -> line.kind() == FeedKind.NOTIFICATIONS)));
    }

    @Test
    void aWrongPasswordIsSaidInWordsAndTheCursorGoesToThePassword() throws Exception {
        start("anna", "not-her-password");

        Label error = robot.lookup("#login-error").queryAs(Label.class);
        await().atMost(AWAIT).until(() -> fx(error::isVisible));
        assertThat(fx(error::getText))
                .isEqualTo("School, user name or password is wrong. Check them and enter the password again.");
        Node password = robot.lookup("#login-password").query();
        await().atMost(AWAIT).until(() -> fx(password::isFocused));
        assertThat(fx(() -> password.getPseudoClassStates().stream()
                        .anyMatch(p -> p.getPseudoClassName().equals("danger"))))
                .isTrue();
    }

    private void open(String user) throws Exception {
        start(user, "demo");
        await().atMost(AWAIT).until(() -> fx(() -> shell.main() != null));
        await().atMost(AWAIT)
                .until(() -> fx(() -> shell.main().status().lightProperty().get() == Light.LIVE));
    }

    private void start(String user, String password) throws Exception {
        ConsoleStartup startup =
                DemoConsoles.startup(server.baseUrl(), user, password, "en", consoleDir, QuickPolling.KEEP_TRYING);
        robot.interact(() -> {
            stage = new Stage();
            shell = new ConsoleShell(stage, startup);
            shell.start();
        });
    }

    private static String texts(Node node) {
        if (node instanceof Label label) {
            return label.getText() + " " + (label.getGraphic() == null ? "" : texts(label.getGraphic()));
        }
        if (node instanceof javafx.scene.Parent parent) {
            return String.join(
                    " ",
                    parent.getChildrenUnmodifiable().stream()
                            .map(NotificationsAndMessagesAgainstServerTests::texts)
                            .toList());
        }
        return "";
    }

    private static <T> T fx(Supplier<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read::get).get();
    }
}
