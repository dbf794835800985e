package app.roomwatch.console.main;

import static app.roomwatch.console.testing.QuickPolling.POLL_SOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.roomwatch.console.admin.AdminTesting;
import app.roomwatch.console.admin.AdminView;
import app.roomwatch.console.admin.AdminViewModel;
import app.roomwatch.console.api.ApiException;
import app.roomwatch.console.api.ServerApi;
import app.roomwatch.console.api.StaffSession;
import app.roomwatch.console.main.ConsoleShell.ConsoleStartup;
import app.roomwatch.console.realtime.RealtimeSettings;
import app.roomwatch.console.status.ConnectionSnapshot.Light;
import app.roomwatch.console.testing.ScreenTexts;
import app.roomwatch.console.testing.ServerProcess;
import app.roomwatch.console.testing.TcpProxy;
import app.roomwatch.console.ui.NeedsServer;
import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.StaffRole;
import app.roomwatch.model.api.admin.DeviceRecord;
import app.roomwatch.model.api.admin.GroupRecord;
import app.roomwatch.model.api.admin.RoomRecord;
import app.roomwatch.model.api.admin.ScheduledCheckoutRecord;
import app.roomwatch.model.api.admin.StaffAccount;
import app.roomwatch.model.api.admin.StudentRecord;
import app.roomwatch.model.event.DeviceStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import tools.jackson.databind.JsonNode;

/**
 * The admin area on a real screen against the real server jar with its demo data: what an admin does in each
 * section, through the dialogs a person would use, checked against what the server then answers.
 */
class AdminAgainstServerTests {

    private static final Duration AWAIT = Duration.ofSeconds(30);
    /** Every admin action that changes something on the server, by section. */
    private static final Map<String, List<String>> ACTIONS = Map.of(
            "admin.section.staff",
            List.of("#admin-staff-add", "#admin-staff-edit", "#admin-staff-reset", "#admin-staff-toggle"),
            "admin.section.children",
            List.of("#admin-children-add", "#admin-children-import", "#admin-children-edit", "#admin-children-archive"),
            "admin.section.places",
            List.of(
                    "#admin-rooms-add",
                    "#admin-rooms-edit",
                    "#admin-rooms-archive",
                    "#admin-groups-add",
                    "#admin-groups-edit",
                    "#admin-groups-leads",
                    "#admin-groups-archive"),
            "admin.section.scanners",
            List.of("#admin-scanners-register", "#admin-scanners-rotate", "#admin-scanners-revoke"),
            "admin.section.schedule",
            List.of("#admin-schedule-plan", "#admin-schedule-cancel"));

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
    void aSupervisorHasNoAdminArea() throws Exception {
        open("anna", "en");

        assertThat(fx(() -> shell.main().admin())).isNull();
        assertThat(fx(() -> robot.lookup("#admin-tab").tryQuery().isPresent())).isFalse();
        assertThat(fx(() -> robot.lookup("#admin-sections").tryQuery().isPresent()))
                .isFalse();
        assertThat(fx(() -> ScreenTexts.of(stage.getScene().getRoot()))).doesNotContain("Admin");
    }

    @Test
    void anAdminAddsAStaffMemberChangesTheRoleResetsThePasswordAndDisablesTheAccount() throws Exception {
        open("admin", "en");
        section("admin.section.staff");
        String username = "clara" + UUID.randomUUID().toString().substring(0, 6);

        dialog("#admin-staff-add", "admin-staff-dialog", () -> {
            fill("#admin-staff-name", "Clara Neumann");
            fill("#admin-staff-username", username);
            fill("#admin-staff-password", "first-password");
        });
        StaffAccount clara = awaitRow(
                admin().staff().rows().rows().items(), a -> a.username().equals(username));
        assertThat(clara.role()).isEqualTo(StaffRole.SUPERVISOR);
        assertThat(message("#admin-staff-message")).isEqualTo("Clara Neumann can sign in now.");
        signIn(username, "first-password");

        select("#admin-staff-table", clara);
        dialog("#admin-staff-edit", "admin-staff-dialog", () -> {
            fill("#admin-staff-name", "Clara N.");
            robot.interact(() -> combo("#admin-staff-role").setValue(StaffRole.ADMIN));
        });
        awaitRow(
                admin().staff().rows().rows().items(),
                a -> a.id().equals(clara.id()) && a.displayName().equals("Clara N.") && a.role() == StaffRole.ADMIN);
        assertThat(signIn(username, "first-password").staff().role()).isEqualTo(StaffRole.ADMIN);

        dialog(
                "#admin-staff-reset",
                "admin-password-dialog",
                () -> fill("#admin-staff-new-password", "second-password"));
        await().atMost(AWAIT).until(() -> message("#admin-staff-message").startsWith("Clara N. has a new password."));
        signIn(username, "second-password");
        assertThatThrownBy(() -> signIn(username, "first-password")).isInstanceOf(ApiException.class);

        // Disabling asks first, naming what happens; the session Clara has is ended at once.
        StaffSession clarasSession = signIn(username, "second-password");
        robot.clickOn("#admin-staff-toggle");
        DialogPane confirm = pane("admin-staff-disable-dialog");
        assertThat(fx(confirm::getContentText)).contains("signed out of every console at once");
        robot.clickOn(button(confirm, "Disable account"));
        awaitRow(admin().staff().rows().rows().items(), a -> a.id().equals(clara.id()) && !a.enabled());
        assertThatThrownBy(() -> signIn(username, "second-password")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> clarasSession.get("/api/rooms", JsonNode.class))
                .isInstanceOf(ApiException.class);

        robot.clickOn("#admin-staff-toggle");
        awaitRow(admin().staff().rows().rows().items(), a -> a.id().equals(clara.id()) && a.enabled());
        signIn(username, "second-password");
    }

    @Test
    void anAdminAddsAChildFindsItWithTheFilterAndChangesItsClassAndGroup() throws Exception {
        open("admin", "en");
        section("admin.section.children");
        String tag = "TAG-" + UUID.randomUUID().toString().substring(0, 8);

        dialog("#admin-children-add", "admin-child-dialog", () -> {
            fill("#admin-child-first", "Ida");
            fill("#admin-child-last", "Zimmermann");
            fill("#admin-child-class", "2b");
            fill("#admin-child-tag", tag);
        });
        StudentRecord ida = awaitRow(admin().children().rows().rows().items(), c -> tag.equals(c.rfidTag()));
        assertThat(message("#admin-children-message")).isEqualTo("Ida Zimmermann added.");

        robot.clickOn("#admin-children-filter").write("ida zimm");
        TableView<?> table = robot.lookup("#admin-children-table").queryTableView();
        await().atMost(AWAIT).until(() -> fx(() -> table.getItems().size() == 1));
        assertThat(fx(() -> ((StudentRecord) table.getItems().getFirst()).id())).isEqualTo(ida.id());
        assertThat(fx(() -> robot.lookup("#admin-children-count")
                        .queryAs(Label.class)
                        .getText()))
                .startsWith("1 child shown of ");

        select("#admin-children-table", ida);
        GroupRecord group = fx(() -> admin().children().groups().getFirst());
        dialog("#admin-children-edit", "admin-child-dialog", () -> {
            fill("#admin-child-class", "3a");
            robot.interact(() -> comboOf(GroupRecord.class, "#admin-child-group").getItems().stream()
                    .filter(g -> g != null && g.id().equals(group.id()))
                    .findFirst()
                    .ifPresent(g ->
                            comboOf(GroupRecord.class, "#admin-child-group").setValue(g)));
        });
        awaitRow(
                admin().children().rows().rows().items(),
                c -> c.id().equals(ida.id()) && c.schoolClass().equals("3a"));
        assertThat(school.admin()
                        .get("/api/admin/students/" + ida.id(), JsonNode.class)
                        .get("groupId")
                        .asString())
                .isEqualTo(group.id());
    }

    @Test
    void archivingAChildAsksNamingTheConsequenceFreesTheTagAndTheChildLeavesTheLists() throws Exception {
        String tag = "TAG-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode made = school.admin()
                .post(
                        "/api/admin/students",
                        Map.of("firstName", "Mia", "lastName", "Kurz", "schoolClass", "4a", "rfidTag", tag),
                        JsonNode.class);
        String id = made.get("id").asString();
        open("admin", "en");
        section("admin.section.children");
        StudentRecord mia = awaitRow(admin().children().rows().rows().items(), c -> c.id().equals(id));

        select("#admin-children-table", mia);
        robot.clickOn("#admin-children-archive");
        DialogPane confirm = pane("admin-archive-child-dialog");
        assertThat(fx(confirm::getContentText))
                .contains("Mia K. leaves every list")
                .contains("the tag is freed")
                .contains("Past visits stay");
        robot.clickOn(button(confirm, "Archive Mia K."));

        await().atMost(AWAIT)
                .until(() -> fx(
                        () -> admin().children().rows().rows().items().stream().noneMatch(c -> c.id().equals(id))));
        assertThat(message("#admin-children-message")).isEqualTo("Mia K. archived; the tag is free again.");
        // Gone from the supervisors' search, and the tag can be given to another child.
        assertThat(school.admin().get("/api/students?query=Kurz", JsonNode.class))
                .isEmpty();
        school.admin()
                .post(
                        "/api/admin/students",
                        Map.of("firstName", "Noah", "lastName", "Kurz", "schoolClass", "4a", "rfidTag", tag),
                        JsonNode.class);
    }

    @Test
    void aCsvImportPreviewsAddedChangedAndRefusedLinesAndApplyWritesOnlyTheGoodOnes() throws Exception {
        JsonNode existing =
                school.admin().get("/api/admin/students", JsonNode.class).get(0);
        String takenTag = existing.get("rfidTag").asString();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Path csv = consoleDir.resolve("children.csv");
        Files.writeString(
                csv,
                String.join(
                        "\n",
                        "Vorname;Nachname;Klasse;RFID;Gruppe",
                        "Lena;Import" + suffix + ";1a;IMP-A-" + suffix + ";",
                        "Tom;Import" + suffix + ";1b;;",
                        existing.get("firstName").asString() + ";"
                                + existing.get("lastName").asString() + ";"
                                + existing.get("schoolClass").asString() + ";IMP-C-" + suffix + ";",
                        ";Ohnevorname;2a;;",
                        "Ben;Import" + suffix + ";2a;" + takenTag + ";",
                        "Eva;Import" + suffix + ";2b;;Gibt es nicht"),
                StandardCharsets.UTF_8);
        int before = school.admin().get("/api/admin/students", JsonNode.class).size();
        open("admin", "en");
        section("admin.section.children");
        // The file chooser is the platform's own window: the file goes in where the chooser hands it over.
        robot.interact(() -> AdminTesting.importFile(stage.getScene(), csv));

        DialogPane preview = pane("admin-import-dialog");
        assertThat(fx(() -> List.copyOf(AdminAgainstServerTests.<String>listOf(preview, "#admin-import-added")
                        .getItems())))
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).isEqualTo("Line 2: Lena Import" + suffix + " (1a)"));
        assertThat(fx(() -> List.copyOf(AdminAgainstServerTests.<String>listOf(preview, "#admin-import-changed")
                        .getItems())))
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith("Line 4: ").endsWith("changes tag"));
        assertThat(fx(() -> listOf(preview, "#admin-import-refused").getItems()))
                .hasSize(3);
        // Nothing is written before Apply.
        assertThat(school.admin().get("/api/admin/students", JsonNode.class).size())
                .isEqualTo(before);

        robot.clickOn(button(preview, "Apply 3 lines"));

        await().atMost(AWAIT)
                .until(() ->
                        message("#admin-children-message").equals("Import done: 2 added, 1 changed, 3 lines skipped."));
        List<String> names = new ArrayList<>();
        for (JsonNode child : school.admin().get("/api/admin/students", JsonNode.class)) {
            names.add(child.get("firstName").asString() + " "
                    + child.get("lastName").asString());
        }
        assertThat(names)
                .contains("Lena Import" + suffix, "Tom Import" + suffix)
                .doesNotContain("Ben Import" + suffix, "Eva Import" + suffix);
        assertThat(school.admin()
                        .get("/api/admin/students/" + existing.get("id").asString(), JsonNode.class)
                        .get("rfidTag")
                        .asString())
                .isEqualTo("IMP-C-" + suffix);
        await().atMost(AWAIT)
                .until(() -> fx(() -> admin().children().rows().rows().items().stream()
                        .anyMatch(c ->
                                c.firstName().equals("Lena") && c.lastName().equals("Import" + suffix))));
    }

    @Test
    void anAdminAddsAndEditsARoomAndAGroupAndChoosesItsLeads() throws Exception {
        open("admin", "en");
        section("admin.section.places");
        String room = "Werkraum " + UUID.randomUUID().toString().substring(0, 4);
        String groupName = "Theater " + UUID.randomUUID().toString().substring(0, 4);

        dialog("#admin-rooms-add", "admin-room-dialog", () -> {
            fill("#admin-room-name", room);
            fill("#admin-room-capacity", "18");
        });
        RoomRecord made =
                awaitRow(admin().places().rooms().rows().items(), r -> r.name().equals(room));
        assertThat(made.capacity()).isEqualTo(18);
        select("#admin-rooms-table", made);
        dialog("#admin-rooms-edit", "admin-room-dialog", () -> fill("#admin-room-capacity", "24"));
        awaitRow(admin().places().rooms().rows().items(), r -> r.id().equals(made.id()) && r.capacity() == 24);

        dialog("#admin-groups-add", "admin-group-dialog", () -> fill("#admin-group-name", groupName));
        GroupRecord group =
                awaitRow(admin().places().groups().rows().items(), g -> g.name().equals(groupName));
        select("#admin-groups-table", group);
        dialog(
                "#admin-groups-leads",
                "admin-leads-dialog",
                () -> robot.interact(() -> robot.lookup(".check-box").queryAllAs(CheckBox.class).stream()
                        .filter(box -> box.getText().startsWith("Ben"))
                        .forEach(box -> box.setSelected(true))));
        await().atMost(AWAIT).until(() -> message("#admin-groups-message").equals(groupName + " now has 1 lead."));
        // Opened again, the dialog starts from the leads the server has, so saving it keeps them.
        robot.clickOn("#admin-groups-leads");
        DialogPane again = pane("admin-leads-dialog");
        assertThat(fx(() -> again.lookupAll(".check-box").stream()
                        .map(CheckBox.class::cast)
                        .filter(CheckBox::isSelected)
                        .map(CheckBox::getText)
                        .toList()))
                .singleElement()
                .asString()
                .startsWith("Ben");
        robot.clickOn(button(again, "Cancel"));
        await().atMost(AWAIT).until(() -> fx(() -> !isShowing(again)));
        StaffSession ben = signIn("ben", "demo");
        assertThat(ben.get("/api/groups/mine", JsonNode.class)
                        .valueStream()
                        .map(g -> g.get("name").asString()))
                .contains(groupName);
    }

    @Test
    void archivingARoomRevokesItsScannersAndArchivingAGroupEndsItsLeads() throws Exception {
        JsonNode room = school.admin()
                .post(
                        "/api/admin/rooms",
                        Map.of("name", "Alter Raum " + UUID.randomUUID(), "capacity", 10),
                        JsonNode.class);
        JsonNode group = school.admin()
                .post("/api/admin/groups", Map.of("name", "Alte Gruppe " + UUID.randomUUID()), JsonNode.class);
        String key = school.registerScanner(room.get("id").asString());
        open("admin", "en");
        section("admin.section.places");
        RoomRecord oldRoom = awaitRow(
                admin().places().rooms().rows().items(),
                r -> r.id().equals(room.get("id").asString()));

        select("#admin-rooms-table", oldRoom);
        robot.clickOn("#admin-rooms-archive");
        DialogPane confirm = pane("admin-archive-room-dialog");
        assertThat(fx(confirm::getContentText)).contains("its scanners are revoked");
        robot.clickOn(button(confirm, "Archive room"));
        await().atMost(AWAIT)
                .until(() -> fx(() ->
                        admin().places().rooms().rows().items().stream().noneMatch(r -> r.id().equals(oldRoom.id()))));
        assertThatThrownBy(() -> school.scan(key, school.tagOfAChildOutside()))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(401));

        GroupRecord oldGroup = awaitRow(
                admin().places().groups().rows().items(),
                g -> g.id().equals(group.get("id").asString()));
        select("#admin-groups-table", oldGroup);
        robot.clickOn("#admin-groups-archive");
        robot.clickOn(button(pane("admin-archive-group-dialog"), "Archive group"));
        await().atMost(AWAIT)
                .until(() -> fx(() -> admin().places().groups().rows().items().stream()
                        .noneMatch(g -> g.id().equals(oldGroup.id()))));
    }

    @Test
    void aScannerRegisteredHereShowsItsKeyOnceScansWithItShowsOnlineLiveAndIsRevoked() throws Exception {
        open("admin", "en");
        section("admin.section.scanners");
        JsonNode annasGroup = school.groupOf("Anna");
        String roomId = annasGroup.get("roomId").asString();
        String name = "Hall door " + UUID.randomUUID().toString().substring(0, 4);
        await().atMost(AWAIT).until(() -> fx(() -> !admin().scanners().rooms().isEmpty()));

        dialog("#admin-scanners-register", "admin-scanner-dialog", () -> {
            fill("#admin-scanner-name", name);
            robot.interact(() -> {
                ComboBox<RoomRecord> rooms = comboOf(RoomRecord.class, "#admin-scanner-room");
                rooms.setValue(rooms.getItems().stream()
                        .filter(r -> r.id().equals(roomId))
                        .findFirst()
                        .orElseThrow());
            });
        });
        DialogPane keyPane = pane("admin-scanner-key-dialog");
        String key = fx(() -> robot.lookup("#admin-scanner-key")
                .queryAs(TextInputControl.class)
                .getText());
        assertThat(key).startsWith("rw_");
        assertThat(fx(() -> robot.lookup("#admin-scanner-key-warning")
                        .queryAs(Label.class)
                        .getText()))
                .contains("shown only now");
        robot.clickOn("#admin-scanner-key-copy");
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(key);
        robot.clickOn(button(keyPane, "Close"));

        DeviceRecord registered =
                awaitRow(admin().scanners().rows().rows().items(), d -> d.name().equals(name));
        assertThat(registered.lastSeenAt()).isNull();
        TableView<?> table = robot.lookup("#admin-scanners-table").queryTableView();
        assertThat(fx(() -> ScreenTexts.of(table))).contains(name, "No report yet", "Never");

        // A real scan with the key shown: the scanner reports in, and the list says so without a reload.
        JsonNode result = school.scan(key, school.tagOfAChildOutside());
        assertThat(result.get("result").asString()).isEqualTo("checked_in");
        awaitRow(
                admin().scanners().rows().rows().items(),
                d -> d.id().equals(registered.id()) && d.status() == DeviceStatus.ONLINE && d.lastSeenAt() != null);
        await().atMost(AWAIT).until(() -> fx(() -> ScreenTexts.of(table).contains("Online")));
        assertThat(fx(() -> ScreenTexts.of(table))).contains(name, "Checks children in and out");

        select("#admin-scanners-table", fx(() -> admin().scanners().current(registered.id())));
        robot.clickOn("#admin-scanners-revoke");
        DialogPane confirm = pane("admin-revoke-dialog");
        assertThat(fx(confirm::getContentText)).contains(name + " stops working at once");
        robot.clickOn(button(confirm, "Revoke scanner"));
        awaitRow(
                admin().scanners().rows().rows().items(),
                d -> d.id().equals(registered.id()) && d.status() == DeviceStatus.REVOKED);
        assertThat(fx(() -> ScreenTexts.of(table))).contains("Revoked");
        assertThatThrownBy(() -> school.scan(key, school.tagOfAChildOutside()))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void aTagReadAtAScannerInAssignModeIsGivenToTheChild() throws Exception {
        String roomId = school.groupOf("Anna").get("roomId").asString();
        String key = school.registerScanner(roomId);
        JsonNode child = school.admin()
                .post(
                        "/api/admin/students",
                        Map.of("firstName", "Jona", "lastName", "Neu", "schoolClass", "1a"),
                        JsonNode.class);
        open("admin", "en");
        section("admin.section.children");
        StudentRecord jona = awaitRow(
                admin().children().rows().rows().items(),
                c -> c.id().equals(child.get("id").asString()));
        await().atMost(AWAIT)
                .until(() -> fx(() -> !admin().scanners().rows().rows().items().isEmpty()));
        String newTag = "CARD-" + UUID.randomUUID().toString().substring(0, 8);

        select("#admin-children-table", jona);
        robot.clickOn("#admin-children-edit");
        DialogPane form = pane("admin-child-dialog");
        String scannerName = fx(() -> admin().scanners().rows().rows().items().stream()
                .filter(d -> d.status() != DeviceStatus.REVOKED && d.roomId().equals(roomId))
                .reduce((a, b) -> b)
                .orElseThrow()
                .name());
        robot.interact(() -> {
            ComboBox<DeviceRecord> scanners = comboOf(DeviceRecord.class, "#admin-tag-scanner");
            scanners.setValue(scanners.getItems().stream()
                    .filter(d -> d.name().equals(scannerName))
                    .findFirst()
                    .orElseThrow());
        });
        robot.clickOn("#admin-tag-assign");
        await().atMost(AWAIT)
                .until(() -> fx(() -> admin().scanners().rows().rows().items().stream()
                        .anyMatch(d -> d.name().equals(scannerName)
                                && d.mode() == app.roomwatch.model.api.admin.DeviceMode.ASSIGN)));

        JsonNode read = school.scan(key, newTag);
        assertThat(read.get("result").asString()).isEqualTo("tag_read");
        Label readLine = robot.lookup("#admin-tag-read").queryAs(Label.class);
        await().atMost(AWAIT).until(() -> fx(readLine::getText).equals("Read " + newTag + " at " + scannerName + "."));
        robot.clickOn("#admin-tag-use");
        assertThat(fx(() -> robot.lookup("#admin-child-tag")
                        .queryAs(TextInputControl.class)
                        .getText()))
                .isEqualTo(newTag);
        robot.clickOn(button(form, "Save"));

        awaitRow(admin().children().rows().rows().items(), c -> c.id().equals(jona.id()) && newTag.equals(c.rfidTag()));
        // Closing the dialog put the scanner back to checking children in.
        awaitRow(
                admin().scanners().rows().rows().items(),
                d -> d.name().equals(scannerName) && d.mode() == app.roomwatch.model.api.admin.DeviceMode.SCAN);
    }

    @Test
    void anAdminPlansACheckOutAndCancelsIt() throws Exception {
        open("admin", "en");
        section("admin.section.schedule");
        await().atMost(AWAIT)
                .until(() -> fx(() -> !admin().schedule().children().isEmpty()));
        StudentRecord child = fx(() -> admin().schedule().children().getFirst());

        dialog("#admin-schedule-plan", "admin-schedule-dialog", () -> {
            fill("#admin-schedule-search", child.firstName());
            robot.interact(() -> {
                ListView<StudentRecord> found = listOf(stageOf("#admin-schedule-children"), "#admin-schedule-children");
                found.getSelectionModel().select(child);
                robot.lookup("#admin-schedule-day")
                        .queryAs(javafx.scene.control.DatePicker.class)
                        .setValue(java.time.LocalDate.now().plusDays(1));
            });
            fill("#admin-schedule-time", "15:30");
        });
        ScheduledCheckoutRecord planned = awaitRow(
                admin().schedule().rows().rows().items(),
                p -> p.studentId().equals(child.id()) && p.status().equals("pending"));
        assertThat(message("#admin-schedule-message")).endsWith("will be checked out at 15:30.");

        select("#admin-schedule-table", planned);
        robot.clickOn("#admin-schedule-cancel");
        awaitRow(
                admin().schedule().rows().rows().items(),
                p -> p.id().equals(planned.id()) && p.status().equals("cancelled"));
        TableView<?> table = robot.lookup("#admin-schedule-table").queryTableView();
        assertThat(fx(() -> ScreenTexts.of(table))).contains("Cancelled");
    }

    @Test
    void whilePollingNoAdminActionIsOfferedEachSaysWhyAndLiveOffersThemAgain() throws Exception {
        try (TcpProxy proxy = TcpProxy.to(server.port())) {
            open("admin", "en", proxy.baseUrl(), POLL_SOON);
            section("admin.section.places");
            select(
                    "#admin-rooms-table",
                    awaitRow(admin().places().rooms().rows().items(), room -> true));

            proxy.refuseStreams(true);
            await().atMost(AWAIT)
                    .until(() -> fx(() -> shell.main().status().lightProperty().get() == Light.POLLING));
            for (var section : ACTIONS.entrySet()) {
                section(section.getKey());
                for (String action : section.getValue()) {
                    Button button = robot.lookup(action).queryButton();
                    assertThat(fx(button::isDisabled)).as(action).isTrue();
                    assertThat(fx(() ->
                                    ((NeedsServer) button.getParent()).tooltip().getText()))
                            .as(action)
                            .startsWith("Not possible while updates are not live");
                    assertThat(fx(() -> button.getParent()
                                    .getProperties()
                                    .containsValue(((NeedsServer) button.getParent()).tooltip())))
                            .as(action + " shows its tooltip on hover")
                            .isTrue();
                }
            }

            proxy.refuseStreams(false);
            await().atMost(AWAIT)
                    .until(() -> fx(() -> shell.main().status().lightProperty().get() == Light.LIVE));
            section("admin.section.places");
            // Live again, each action is offered as before: a room is selected, no group is.
            for (String action : List.of("#admin-rooms-add", "#admin-rooms-edit", "#admin-rooms-archive")) {
                assertThat(fx(() -> robot.lookup(action).queryButton().isDisabled()))
                        .as(action)
                        .isFalse();
            }
            assertThat(fx(() -> robot.lookup("#admin-groups-edit").queryButton().isDisabled()))
                    .as("nothing selected")
                    .isTrue();
        }
    }

    @Test
    void theAuditLogShowsEachChangeAsASentenceNewestFirst() throws Exception {
        String roomId = school.groupOf("Anna").get("roomId").asString();
        String roomName = school.groupOf("Anna").get("roomName").asString();
        String first = "Side door " + UUID.randomUUID().toString().substring(0, 4);
        String second = "Back door " + UUID.randomUUID().toString().substring(0, 4);
        JsonNode older =
                school.admin().post("/api/admin/devices", Map.of("name", first, "roomId", roomId), JsonNode.class);
        school.admin().post("/api/admin/devices", Map.of("name", second, "roomId", roomId), JsonNode.class);
        school.admin().delete("/api/admin/devices/" + older.get("id").asString());
        open("admin", "en");
        section("admin.section.audit");

        ListView<?> list = robot.lookup("#admin-audit-list").queryAs(ListView.class);
        await().atMost(AWAIT).until(() -> fx(() -> list.getItems().size() >= 3));
        assertThat(fx(() -> ScreenTexts.of(list)))
                .containsSubsequence(
                        "Office Admin revoked the scanner " + first + ".",
                        "Office Admin registered the scanner " + second + " (room: " + roomName + ").",
                        "Office Admin registered the scanner " + first + " (room: " + roomName + ").");

        open("admin", "de");
        section("admin.section.audit");
        ListView<?> german = robot.lookup("#admin-audit-list").queryAs(ListView.class);
        await().atMost(AWAIT).until(() -> fx(() -> german.getItems().size() >= 3));
        assertThat(fx(() -> ScreenTexts.of(german))).contains("Office Admin hat den Scanner " + first + " gesperrt.");
    }

    @Test
    void theGermanAdminAreaHasNoEnglishLeftAndNothingCutOff() throws Exception {
        open("admin", "de");
        robot.interact(() -> shell.mainView().show("admin.tab"));
        Set<String> english = ScreenTexts.englishOnlyFragments();
        List<String> found = new ArrayList<>();
        for (String section : List.of(
                "admin.section.staff",
                "admin.section.children",
                "admin.section.places",
                "admin.section.scanners",
                "admin.section.schedule",
                "admin.section.audit")) {
            section(section);
            WaitForAsyncUtils.waitForFxEvents();
            // The school's own names (the demo's groups are named in English) are data, not the console's words.
            found.addAll(fx(() -> wordsOutsideRows(stage.getScene().getRoot()).stream()
                    .filter(text -> english.stream().anyMatch(text::contains))
                    .toList()));
            found.addAll(fx(() -> ScreenTexts.truncated(stage.getScene().getRoot())).stream()
                    .map(cut -> "cut off: " + cut)
                    .toList());
        }
        assertThat(found).isEmpty();
    }

    // ---- helpers

    private static List<String> wordsOutsideRows(Node root) {
        List<String> words = new ArrayList<>();
        if (!root.isVisible() || root instanceof javafx.scene.control.IndexedCell<?>) {
            return words;
        }
        if (root instanceof javafx.scene.control.Labeled labeled && labeled.getText() != null) {
            words.add(labeled.getText());
        }
        if (root instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> words.addAll(wordsOutsideRows(child)));
        }
        return words;
    }

    private AdminViewModel admin() {
        return shell.main().admin();
    }

    private void open(String user, String language) throws Exception {
        open(user, language, server.baseUrl(), RealtimeSettings.defaults());
    }

    private void open(String user, String language, String baseUrl, RealtimeSettings realtime) throws Exception {
        if (stage != null) {
            robot.interact(() -> stage.close());
        }
        ConsoleStartup startup = DemoConsoles.startup(baseUrl, user, "demo", language, consoleDir, realtime);
        robot.interact(() -> {
            stage = new Stage();
            shell = new ConsoleShell(stage, startup);
            shell.start();
            stage.setMaximized(false);
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        await().atMost(AWAIT)
                .until(() -> fx(() -> shell.main() != null
                        && shell.main().status().lightProperty().get() == Light.LIVE));
    }

    private void section(String key) throws Exception {
        robot.interact(() -> {
            shell.mainView().show("admin.tab");
            robot.lookup("#admin-sections").queryAs(AdminView.class).show(key);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private StaffSession signIn(String username, String password) throws Exception {
        return StaffSession.login(ServerApi.at(server.baseUrl()), new LoginRequest("demo", username, password));
    }

    /** Opens a form with {@code opener}, fills it with {@code filling}, and presses OK. */
    private void dialog(String opener, String paneId, Runnable filling) throws Exception {
        robot.clickOn(opener);
        DialogPane pane = pane(paneId);
        filling.run();
        Button ok = button(pane, "Save");
        await().atMost(AWAIT).until(() -> fx(() -> !ok.isDisabled()));
        robot.clickOn(ok);
        await().atMost(AWAIT).until(() -> fx(() -> !isShowing(pane)));
    }

    private DialogPane pane(String id) throws Exception {
        await().atMost(AWAIT)
                .until(() -> fx(() -> robot.lookup("#" + id)
                        .tryQuery()
                        .filter(Node::isVisible)
                        .isPresent()));
        return fx(() -> robot.lookup("#" + id).queryAs(DialogPane.class));
    }

    private static boolean isShowing(Node node) {
        return Optional.ofNullable(node.getScene())
                .map(scene -> scene.getWindow())
                .map(Window::isShowing)
                .orElse(false);
    }

    private Button button(DialogPane pane, String text) throws Exception {
        return fx(() -> pane.getButtonTypes().stream()
                .map(type -> (Button) pane.lookupButton(type))
                .filter(b -> b.getText().equals(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text)));
    }

    private void fill(String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextInputControl.class).setText(text));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<StaffRole> combo(String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> comboOf(Class<T> type, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> ListView<T> listOf(Node under, String id) {
        return (ListView<T>) under.lookup(id);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> void select(String tableId, T row) {
        robot.interact(() -> ((TableView) robot.lookup(tableId).queryTableView())
                .getSelectionModel()
                .select(row));
    }

    private Node stageOf(String id) {
        return robot.lookup(id).query().getScene().getRoot();
    }

    private String message(String id) throws Exception {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private <T> T awaitRow(List<T> rows, Predicate<T> wanted) throws Exception {
        await().atMost(AWAIT).until(() -> fx(() -> rows.stream().anyMatch(wanted)));
        return fx(() -> rows.stream().filter(wanted).findFirst().orElseThrow());
    }

    private static <T> T fx(Supplier<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read::get).get();
    }
}
