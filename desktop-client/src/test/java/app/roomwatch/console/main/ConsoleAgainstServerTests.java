package app.roomwatch.console.main;

import static app.roomwatch.console.testing.QuickPolling.POLL_SOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.roomwatch.console.api.ApiException;
import app.roomwatch.console.api.ServerApi;
import app.roomwatch.console.api.StaffSession;
import app.roomwatch.console.login.TokenVault;
import app.roomwatch.console.main.ConsoleShell.ConsoleStartup;
import app.roomwatch.console.notifications.NotificationGroup;
import app.roomwatch.console.realtime.RealtimeSettings;
import app.roomwatch.console.realtime.SseRealtimeClient;
import app.roomwatch.console.settings.UserChoices;
import app.roomwatch.console.sound.Sound;
import app.roomwatch.console.status.ConnectionSnapshot.Light;
import app.roomwatch.console.testing.QuickPolling;
import app.roomwatch.console.testing.ServerProcess;
import app.roomwatch.console.testing.TcpProxy;
import app.roomwatch.console.theme.Theme;
import app.roomwatch.console.ui.NeedsServer;
import app.roomwatch.model.api.VisitDisplay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import tools.jackson.databind.JsonNode;

/**
 * The real console (sign-in, views, realtime client) on a real screen, against the real server jar with its demo
 * data: what a supervisor sees when children are scanned, the office announces, the server refuses or restarts, or
 * a proxy blocks the stream.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleAgainstServerTests {

    private static final Duration AWAIT = Duration.ofSeconds(30);

    @TempDir
    static Path serverDir;

    static ServerProcess server;
    static DemoSchool school;

    @TempDir
    Path consoleDir;

    final FxRobot robot = new FxRobot();
    final List<Sound> played = new CopyOnWriteArrayList<>();
    ConsoleShell shell;
    Stage stage;
    TokenVault vault = TokenVault.none();
    String password = "demo";

    @BeforeAll
    static void startServer() throws Exception {
        FxToolkit.registerPrimaryStage();
        server = ServerProcess.start(
                serverDir,
                Map.of("roomwatch.stream.ping-interval", "1s", "roomwatch.stream.connects-per-minute", "1000"));
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
    @Order(1)
    void aScanPostedThroughTheApiAppearsInMyGroupsAndTheSelectedChildStaysSelected() throws Exception {
        open("anna", server.baseUrl(), QuickPolling.KEEP_TRYING);
        awaitLight(Light.LIVE);
        JsonNode annasGroup = school.groupOf("Anna");
        String scanner = school.registerScanner(annasGroup.get("roomId").asString());
        TableView<VisitDisplay> children = robot.lookup("#groups-children").queryTableView();
        await().atMost(AWAIT).until(() -> fx(() -> !children.getItems().isEmpty()));
        VisitDisplay picked = fx(() -> children.getItems().getLast());
        robot.interact(() -> children.getSelectionModel().select(picked));

        JsonNode result = school.scan(scanner, school.tagOfAChildOutside());
        String child = result.get("studentName").asString();

        await().atMost(AWAIT)
                .until(() -> fx(() -> children.getItems().stream()
                        .anyMatch(v -> v.studentName().equals(child))));
        // The newest arrival is on top, where a supervisor looks first.
        assertThat(fx(() -> children.getItems().getFirst().studentName())).isEqualTo(child);
        // The rows were fetched again and moved down one, and the child the supervisor picked is still picked.
        assertThat(fx(() -> children.getSelectionModel().getSelectedItem().visitId()))
                .isEqualTo(picked.visitId());
        assertThat(fx(() -> children.getSelectionModel().getSelectedIndex()))
                .isEqualTo(fx(() -> children.getItems().size() - 1));
    }

    @Test
    @Order(2)
    void anUrgentAnnouncementShowsAToastAndRaisesTheBellCount() throws Exception {
        open("anna", server.baseUrl(), QuickPolling.KEEP_TRYING);
        awaitLight(Light.LIVE);
        int before = fx(() -> shell.main().notifications().unreadCountProperty().get());

        school.announce("Fire drill at 15:30", "urgent");

        VBox toasts = robot.lookup("#toasts").queryAs(VBox.class);
        await().atMost(AWAIT)
                .until(() -> fx(() -> toasts.getChildren().stream()
                        .anyMatch(card -> texts(card).contains("Fire drill at 15:30"))));
        await().atMost(AWAIT)
                .until(() -> fx(() ->
                                robot.lookup("#bell-count").queryAs(Label.class).getText())
                        .equals(Integer.toString(before + 1)));
        assertThat(fx(() -> robot.lookup("#bell-dot").query().isVisible())).isTrue();
        assertThat(played).contains(Sound.URGENT);
        // The toast hides by itself after five seconds.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> toasts.getChildren().isEmpty()));
    }

    @Test
    @Order(3)
    void whilePollingTheConsoleSaysHowOldItsPictureIsAndOffersNoActionThatNeedsTheServer() throws Exception {
        try (TcpProxy proxy = TcpProxy.to(server.port())) {
            proxy.refuseStreams(true);
            open("ben", proxy.baseUrl(), POLL_SOON);

            awaitLight(Light.POLLING);
            Label banner = robot.lookup("#status-banner").queryAs(Label.class);
            await().atMost(AWAIT).until(() -> fx(banner::isVisible));
            assertThat(fx(banner::getText)).isEqualTo("Real-time updates unavailable, using polling");
            // Polling began before any update arrived: the picture is as of the last answer fetched.
            Label asOf = robot.lookup("#status-as-of").queryAs(Label.class);
            assertThat(fx(asOf::isVisible)).isTrue();
            assertThat(fx(asOf::getText)).matches("What you see is as of \\d\\d:\\d\\d:\\d\\d\\.");
            for (String action : List.of("#groups-start", "#groups-check-out", "#groups-end", "#groups-supervisors")) {
                Button button = robot.lookup(action).queryButton();
                assertThat(fx(button::isDisabled)).as(action).isTrue();
                assertThat(fx(() -> ((NeedsServer) button.getParent()).tooltip().getText()))
                        .as(action)
                        .startsWith("Not possible while updates are not live");
                assertThat(fx(() -> button.getParent()
                                .getProperties()
                                .containsValue(((NeedsServer) button.getParent()).tooltip())))
                        .as(action + " shows its tooltip on hover")
                        .isTrue();
            }

            proxy.refuseStreams(false);
            awaitLight(Light.LIVE);
            await().atMost(AWAIT).until(() -> fx(() -> !banner.isVisible()));
            assertThat(fx(asOf::isVisible)).isFalse();
            Button start = robot.lookup("#groups-start").queryButton();
            assertThat(fx(start::isDisabled)).isFalse();
            assertThat(fx(() -> start.getParent()
                            .getProperties()
                            .containsValue(((NeedsServer) start.getParent()).tooltip())))
                    .isFalse();
        }
    }

    @Test
    @Order(4)
    void theStatusLightGoesToConnectingAndBackToLiveWhenTheServerRestarts() throws Exception {
        open("ben", server.baseUrl(), QuickPolling.KEEP_TRYING);
        awaitLight(Light.LIVE);

        server.stop();
        awaitLight(Light.CONNECTING);
        assertThat(fx(() -> robot.lookup("#status-label").queryAs(Label.class).getText()))
                .isEqualTo("Connecting");

        server.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> fx(() -> light() == Light.LIVE));
        assertThat(fx(() -> robot.lookup("#status-label").queryAs(Label.class).getText()))
                .isEqualTo("Live");
    }

    @Test
    @Order(3)
    void aKeptSignInResumesWithoutThePasswordAndSigningOutForgetsIt() throws Exception {
        MemoryVault memory = new MemoryVault();
        vault = memory;
        open("anna", server.baseUrl(), QuickPolling.KEEP_TRYING);
        awaitLight(Light.LIVE);
        robot.interact(() -> stage.close());
        assertThat(memory.tokens).hasSize(1);
        String kept = memory.tokens.values().iterator().next();

        password = "";
        open("anna", server.baseUrl(), QuickPolling.KEEP_TRYING);
        awaitLight(Light.LIVE);
        assertThat(fx(() -> robot.lookup("#signed-in-as").queryAs(Label.class).getText()))
                .isEqualTo("Anna Hoffmann");

        robot.clickOn("#logout");
        await().atMost(AWAIT)
                .until(() -> fx(() -> robot.lookup("#login-password").tryQuery().isPresent()));
        assertThat(memory.tokens).isEmpty();
        // The kept token was used up by the resume, and the session it started was revoked by signing out.
        assertThatThrownBy(() -> StaffSession.resume(ServerApi.at(server.baseUrl()), "demo", kept))
                .isInstanceOf(ApiException.class);
    }

    @Test
    @Order(5)
    void markAsReadIsTakenBackWhenTheServerRefuses() throws Exception {
        try (TcpProxy proxy = TcpProxy.to(server.port())) {
            open("anna", proxy.baseUrl(), QuickPolling.KEEP_TRYING);
            awaitLight(Light.LIVE);
            school.announce("Parents' evening on Thursday", "info");
            await().atMost(AWAIT).until(() -> fx(() -> group("Parents' evening on Thursday") != null));
            int unread =
                    fx(() -> shell.main().notifications().unreadCountProperty().get());

            // The console is live, but the server (a gateway in front of it) refuses the read.
            proxy.refuseCalls("POST /api/notifications/");
            robot.interact(() -> shell.mainView().show("tab.notifications"));
            Button markRead = fx(() -> robot.lookup(".mark-read").queryAllAs(Button.class).stream()
                    .filter(button -> org.testfx.util.NodeQueryUtils.isVisible().test(button)
                            && button.getParent().getParent().isVisible()
                            && texts(button.getParent().getParent()).contains("Parents' evening on Thursday"))
                    .findFirst()
                    .orElseThrow());
            robot.clickOn(markRead);

            Label message = robot.lookup("#notifications-message").queryAs(Label.class);
            await().atMost(AWAIT)
                    .until(() -> fx(() -> message.isVisible()
                            && message.getText().startsWith("It could not be marked as read, so it is unread again.")));
            assertThat(fx(() ->
                            shell.main().notifications().unreadCountProperty().get()))
                    .isEqualTo(unread);
            assertThat(fx(() -> group("Parents' evening on Thursday").isUnread()))
                    .isTrue();
        }
    }

    @Test
    @Order(6)
    void aScanShowsOnTheRoomBoardAndInWhereIsAndTheFiltersFindTheChild() throws Exception {
        open("anna", server.baseUrl(), QuickPolling.KEEP_TRYING);
        awaitLight(Light.LIVE);
        String roomId = school.groupOf("Anna").get("roomId").asString();
        String scanner = school.registerScanner(roomId);
        String tag = school.tagOfAChildOutside();
        robot.interact(() -> shell.mainView().show("tab.rooms"));

        JsonNode result = school.scan(scanner, tag);
        String child = result.get("studentName").asString();
        String childId = result.get("studentId").asString();

        // The room's card lists the child, newest arrival first.
        await().atMost(AWAIT)
                .until(() -> fx(() -> robot.lookup("#room-card-" + roomId)
                        .tryQuery()
                        .map(card -> texts(card).contains(child))
                        .orElse(false)));
        assertThat(fx(() -> shell.main().rooms().rooms().items().stream()
                        .filter(room -> room.id().equals(roomId))
                        .findFirst()
                        .orElseThrow()
                        .children()
                        .getFirst()
                        .studentId()))
                .isEqualTo(childId);
        // A click opens the room's full list, with check-in times.
        robot.clickOn("#room-card-" + roomId);
        javafx.scene.control.ListView<?> detail =
                robot.lookup("#room-detail").queryAs(javafx.scene.control.ListView.class);
        await().atMost(AWAIT)
                .until(() -> fx(() -> detail.isVisible()
                        && detail.getItems().stream()
                                .anyMatch(item -> ((app.roomwatch.model.api.RoomChild) item)
                                        .studentId()
                                        .equals(childId))));
        // The filter leaves only the rooms where a matching child is.
        robot.interact(() -> shell.main().rooms().filterProperty().set(child));
        assertThat(fx(() ->
                        robot.lookup("#rooms-board").queryAs(javafx.scene.layout.FlowPane.class).getChildren().stream()
                                .allMatch(card -> texts(card).contains(child))))
                .isTrue();

        // Where is answers the same: in this room now; after the child scans out, that it left the room.
        robot.interact(() -> shell.mainView().show("tab.where"));
        String firstName = child.substring(0, child.indexOf(' '));
        robot.clickOn("#where-search").write(firstName);
        javafx.scene.control.ListView<?> where =
                robot.lookup("#where-list").queryAs(javafx.scene.control.ListView.class);
        await().atMost(AWAIT)
                .until(() -> fx(() -> locationOf(where, childId)
                        .map(location -> location.state() == app.roomwatch.model.api.LocationState.IN_ROOM
                                && roomId.equals(location.roomId()))
                        .orElse(false)));
        school.scanToggle(scanner, tag);
        await().atMost(AWAIT)
                .until(() -> fx(() -> locationOf(where, childId)
                        .map(location -> location.state() == app.roomwatch.model.api.LocationState.LEFT_ROOM)
                        .orElse(false)));
    }

    @Test
    @Order(7)
    void theCheckInSearchShowsWhereChildrenAreAndDoesNotOfferOneAlreadyInTheGroup() throws Exception {
        open("anna", server.baseUrl(), QuickPolling.KEEP_TRYING);
        awaitLight(Light.LIVE);
        TableView<VisitDisplay> children = robot.lookup("#groups-children").queryTableView();
        await().atMost(AWAIT).until(() -> fx(() -> !children.getItems().isEmpty()));
        VisitDisplay inGroup = fx(() -> children.getItems().getFirst());

        robot.clickOn("#groups-search").write(inGroup.schoolClass());

        javafx.scene.control.ListView<?> results =
                robot.lookup("#groups-search-results").queryAs(javafx.scene.control.ListView.class);
        await().atMost(AWAIT).until(() -> fx(() -> !results.getItems().isEmpty()));
        List<app.roomwatch.model.api.StudentSummary> offered = fx(() -> results.getItems().stream()
                .map(app.roomwatch.model.api.StudentSummary.class::cast)
                .toList());
        assertThat(offered)
                .extracting(app.roomwatch.model.api.StudentSummary::id)
                .doesNotContain(inGroup.studentId());
        assertThat(offered).allMatch(student -> student.schoolClass().startsWith(inGroup.schoolClass()));
        // Each row says where that child is now.
        String firstRow = fx(() -> robot.lookup("#groups-search-results .list-cell")
                .queryAs(javafx.scene.control.ListCell.class)
                .getText());
        assertThat(firstRow).containsAnyOf("Not seen today", "In ", "Left ", "Gone home");
    }

    @Test
    @Order(8)
    void aLeadSeesEveryChildOfHerGroupWithThoseInNoRoomFirst() throws Exception {
        open("anna", server.baseUrl(), QuickPolling.KEEP_TRYING);
        awaitLight(Light.LIVE);
        robot.interact(() -> shell.mainView().show("tab.roster"));

        javafx.scene.control.ListView<?> roster =
                robot.lookup("#roster-list").queryAs(javafx.scene.control.ListView.class);
        await().atMost(AWAIT).until(() -> fx(() -> roster.getItems().size() >= 30));
        List<app.roomwatch.model.api.RosterChild> children = fx(() -> roster.getItems().stream()
                .map(app.roomwatch.model.api.RosterChild.class::cast)
                .toList());
        // Anna leads Classes 1–2 in the demo: every child of classes 1 and 2, and only those.
        assertThat(children).allMatch(child -> child.schoolClass().matches("[12].*"));
        List<Boolean> inRoom = children.stream()
                .map(child -> child.location().state() == app.roomwatch.model.api.LocationState.IN_ROOM)
                .toList();
        assertThat(inRoom).isSortedAccordingTo(Boolean::compare);
        assertThat(fx(() -> robot.lookup("#roster-summary").queryAs(Label.class).getText()))
                .startsWith(children.size() + " children");
        // Each child is one line: the whole group fits on a 1000-pixel-high screen.
        assertThat(fx(roster::getFixedCellSize)).isLessThanOrEqualTo(24.0);
        // The filter narrows the list to the children it names.
        String name = children.getLast().studentName();
        robot.clickOn("#roster-filter").write(name);
        await().atMost(AWAIT)
                .until(() -> fx(() -> !roster.getItems().isEmpty()
                        && roster.getItems().size() < children.size()
                        && roster.getItems().stream()
                                .allMatch(child -> ((app.roomwatch.model.api.RosterChild) child)
                                        .studentName()
                                        .equals(name))));
    }

    @Test
    @Order(11)
    void aCheckOutSelectsNoOtherChildAndEndingAnActivityNamesWhoIsStillInAndSaysNoFalseError() throws Exception {
        open("anna", server.baseUrl(), QuickPolling.KEEP_TRYING);
        awaitLight(Light.LIVE);
        TableView<VisitDisplay> children = robot.lookup("#groups-children").queryTableView();
        await().atMost(AWAIT).until(() -> fx(() -> children.getItems().size() >= 3));
        VisitDisplay picked = fx(() -> children.getItems().get(1));
        robot.interact(() -> children.getSelectionModel().select(picked));

        robot.clickOn("#groups-check-out");

        await().atMost(AWAIT)
                .until(() -> fx(() ->
                        children.getItems().stream().noneMatch(v -> v.visitId().equals(picked.visitId()))));
        assertThat(fx(() -> children.getSelectionModel().getSelectedItem())).isNull();
        assertThat(fx(() -> robot.lookup("#groups-check-out").queryButton().isDisabled()))
                .isTrue();

        int inside = fx(() -> children.getItems().size());
        String ended = fx(
                () -> shell.main().groups().mine().groups().selectedIdProperty().get());
        robot.clickOn("#groups-end");
        javafx.scene.control.DialogPane dialog =
                robot.lookup("#end-activity-dialog").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(fx(dialog::getContentText)).contains(inside + " children are still in");
        Button confirm = fx(() -> dialog.getButtonTypes().stream()
                .map(type -> (Button) dialog.lookupButton(type))
                .filter(button -> button.getText().startsWith("End and check out " + inside))
                .findFirst()
                .orElseThrow());
        robot.clickOn(confirm);

        Label message = robot.lookup("#groups-message").queryAs(Label.class);
        await().atMost(AWAIT).until(() -> fx(() -> message.getText().endsWith("ended.")));
        // The last check-outs of the ended activity arrive before activity_end and refetch its children; once the group
        // list has dropped it, those refetches are done, and none of them may have brought a "404".
        await().atMost(AWAIT)
                .until(() -> fx(() -> shell.main().groups().mine().groups().items().stream()
                        .noneMatch(group -> group.id().equals(ended))));
        assertThat(fx(message::getText)).doesNotContain("404").endsWith("ended.");
    }

    @Test
    @Order(12)
    void signingOutOfAConsoleStartedWithAPasswordLeavesTheFormEmpty() throws Exception {
        open("anna", server.baseUrl(), QuickPolling.KEEP_TRYING);
        awaitLight(Light.LIVE);

        robot.clickOn("#logout");

        await().atMost(AWAIT)
                .until(() -> fx(() -> robot.lookup("#login-password").tryQuery().isPresent()));
        // The demo's password signs in once, at start; after Sign out the form waits for someone to sign in.
        assertThat(fx(() -> robot.lookup("#login-password")
                        .queryAs(javafx.scene.control.TextInputControl.class)
                        .getText()))
                .isEmpty();
    }

    @Test
    @Order(9)
    void aCheckOutCanBeUndoneFromItsConfirmationAndTheChildIsBackInTheGroup() throws Exception {
        open("anna", server.baseUrl(), QuickPolling.KEEP_TRYING);
        awaitLight(Light.LIVE);
        JsonNode annasGroup = school.groupOf("Anna");
        school.scan(school.registerScanner(annasGroup.get("roomId").asString()), school.tagOfAChildOutside());
        TableView<VisitDisplay> children = robot.lookup("#groups-children").queryTableView();
        await().atMost(AWAIT).until(() -> fx(() -> !children.getItems().isEmpty()));
        VisitDisplay picked = fx(() -> children.getItems().getFirst());
        robot.interact(() -> children.getSelectionModel().select(picked));

        robot.clickOn("#groups-check-out");
        Label message = robot.lookup("#groups-message").queryAs(Label.class);
        await().atMost(AWAIT).until(() -> fx(() -> message.getText().equals(picked.studentName() + " checked out.")));
        Button undo = robot.lookup("#groups-undo").queryButton();
        assertThat(fx(undo::isVisible)).isTrue();
        robot.clickOn(undo);

        await().atMost(AWAIT)
                .until(() -> fx(() ->
                        children.getItems().stream().anyMatch(v -> v.studentId().equals(picked.studentId()))));
        assertThat(fx(message::getText))
                .isEqualTo(picked.studentName() + " is checked in to "
                        + annasGroup.get("name").asString() + " again.");
        assertThat(fx(() -> undo.getParent().isVisible())).isFalse();
    }

    @Test
    @Order(10)
    void aChildsLocationInWhereIsFollowsARealScanWithinASecond() throws Exception {
        open("anna", server.baseUrl(), QuickPolling.KEEP_TRYING);
        awaitLight(Light.LIVE);
        String roomId = school.groupOf("Anna").get("roomId").asString();
        String scanner = school.registerScanner(roomId);
        String tag = school.tagOfAChildOutside();
        JsonNode in = school.scan(scanner, tag);
        String childId = in.get("studentId").asString();
        String child = in.get("studentName").asString();
        robot.interact(() -> shell.mainView().show("tab.where"));
        robot.clickOn("#where-search").write(child.substring(0, child.indexOf(' ')));
        javafx.scene.control.ListView<?> where =
                robot.lookup("#where-list").queryAs(javafx.scene.control.ListView.class);
        await().atMost(AWAIT)
                .until(() -> fx(() -> locationOf(where, childId)
                        .map(location -> location.state() == app.roomwatch.model.api.LocationState.IN_ROOM)
                        .orElse(false)));

        // The child scans out at the door: a real scan over HTTP with the scanner's key.
        long sent = System.nanoTime();
        school.scanToggle(scanner, tag);
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> fx(() -> locationOf(where, childId)
                        .map(location -> location.state() == app.roomwatch.model.api.LocationState.LEFT_ROOM)
                        .orElse(false)));
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(1));
    }

    private static java.util.Optional<app.roomwatch.model.api.ChildLocation> locationOf(
            javafx.scene.control.ListView<?> list, String studentId) {
        return list.getItems().stream()
                .map(app.roomwatch.model.api.StudentSummary.class::cast)
                .filter(student -> student.id().equals(studentId))
                .findFirst()
                .map(app.roomwatch.model.api.StudentSummary::location);
    }

    private void open(String user, String baseUrl, RealtimeSettings realtime) throws Exception {
        ConsoleStartup startup = new ConsoleStartup(
                baseUrl,
                "demo",
                user,
                password,
                new UserChoices(Theme.LIGHT, "en", true, "", ""),
                choices -> {},
                played::add,
                ServerApi::at,
                session -> SseRealtimeClient.create(session, consoleDir, realtime),
                vault);
        robot.interact(() -> {
            stage = new Stage();
            shell = new ConsoleShell(stage, startup);
            shell.start();
        });
        await().atMost(AWAIT).until(() -> fx(() -> shell.main() != null));
    }

    /** The OS keyring's part, in memory. */
    private static final class MemoryVault implements TokenVault {
        final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public java.util.Optional<String> load(String account) {
            return java.util.Optional.ofNullable(tokens.get(account));
        }

        @Override
        public void save(String account, String refreshToken) {
            tokens.put(account, refreshToken);
        }

        @Override
        public void delete(String account) {
            tokens.remove(account);
        }
    }

    private void awaitLight(Light light) {
        await().atMost(AWAIT).until(() -> fx(() -> light() == light));
    }

    private Light light() {
        return shell.main().status().lightProperty().get();
    }

    private NotificationGroup group(String title) {
        return shell.main().notifications().groups().stream()
                .filter(g -> g.members().stream().anyMatch(n -> n.title().equals(title)))
                .findFirst()
                .orElse(null);
    }

    private static String texts(Node node) {
        if (node instanceof Label label) {
            return label.getText();
        }
        if (node instanceof javafx.scene.Parent parent) {
            return String.join(
                    " ",
                    parent.getChildrenUnmodifiable().stream()
                            .map(ConsoleAgainstServerTests::texts)
                            .toList());
        }
        return "";
    }

    /** Reads UI state on the FX thread, where it lives. */
    private static <T> T fx(Supplier<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read::get).get();
    }
}
