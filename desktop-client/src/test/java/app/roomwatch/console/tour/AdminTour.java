package app.roomwatch.console.tour;

import static org.awaitility.Awaitility.await;

import app.roomwatch.console.admin.AdminTesting;
import app.roomwatch.console.admin.AdminView;
import app.roomwatch.console.api.ServerApi;
import app.roomwatch.console.api.StaffSession;
import app.roomwatch.console.login.TokenVault;
import app.roomwatch.console.main.ConsoleShell;
import app.roomwatch.console.main.ConsoleShell.ConsoleStartup;
import app.roomwatch.console.realtime.RealtimeSettings;
import app.roomwatch.console.realtime.SseRealtimeClient;
import app.roomwatch.console.settings.UserChoices;
import app.roomwatch.console.status.ConnectionSnapshot.Light;
import app.roomwatch.console.testing.ServerProcess;
import app.roomwatch.console.theme.Theme;
import app.roomwatch.model.api.LoginRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import tools.jackson.databind.JsonNode;

/**
 * Takes the admin area's screenshots for docs/console.md: the real server jar with demo data and the simulated
 * scanner, the console signed in as the demo's admin, each section in English and German, light and dark, and the
 * new-key dialog.
 *
 * <p>Run: {@code ./mvnw -pl desktop-client exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=app.roomwatch.console.tour.AdminTour -Droomwatch.server.jar=server/target/roomwatch-server.jar}
 * (on a display; {@code xvfb-run} on a headless machine).
 */
public final class AdminTour {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> SECTIONS =
            List.of("staff", "children", "places", "scanners", "schedule", "audit");

    private AdminTour() {}

    public static void main(String[] args) throws Exception {
        Path images = args.length > 0 ? Path.of(args[0]) : findImages();
        Path work = Files.createTempDirectory("roomwatch-admin-tour");
        Platform.startup(() -> {});
        Platform.setImplicitExit(false);
        try (ServerProcess server = ServerProcess.start(work.resolve("server"), Map.of("simulate-scanner", "2"))) {
            StaffSession admin =
                    StaffSession.login(ServerApi.at(server.baseUrl()), new LoginRequest("demo", "admin", "demo"));
            school(admin);
            for (Theme theme : Theme.values()) {
                for (String language : List.of("en", "de")) {
                    String suffix = ("en".equals(language) ? "" : "-de") + "-" + theme.key() + ".png";
                    ConsoleShell shell = open(server.baseUrl(), work, theme, language);
                    await().atMost(WAIT)
                            .until(() -> onFx(() -> shell.main() != null
                                    && shell.main().status().lightProperty().get() == Light.LIVE));
                    Thread.sleep(1_500);
                    for (String section : SECTIONS) {
                        onFx(() -> {
                            shell.mainView().show("admin.tab");
                            ((AdminView) stageOf(shell).getScene().lookup("#admin-sections"))
                                    .show("admin.section." + section);
                            return null;
                        });
                        Thread.sleep(900); // the section's fetch and a layout pass
                        onFx(() -> {
                            Snapshots.save(
                                    stageOf(shell).getScene(), images.resolve("console-admin-" + section + suffix));
                            return null;
                        });
                    }
                    if (theme == Theme.LIGHT) {
                        newKeyDialog(
                                shell,
                                "en".equals(language) ? "Art room door" : "Tür Kunstraum",
                                images.resolve("console-admin-key" + suffix));
                        importPreview(shell, work, images.resolve("console-admin-import" + suffix));
                    }
                    onFx(() -> {
                        stageOf(shell).close();
                        return null;
                    });
                }
            }
        } finally {
            Platform.exit();
        }
        System.out.println("Screenshots written to " + images.toAbsolutePath());
    }

    /** What a school's admin has done by the afternoon: scanners of every status, planned check-outs, a log. */
    private static void school(StaffSession admin) throws Exception {
        JsonNode rooms = admin.get("/api/admin/rooms", JsonNode.class);
        String gym = roomId(rooms, "Gym");
        String library = roomId(rooms, "Library");
        admin.post("/api/admin/devices", Map.of("name", "Library door", "roomId", library), JsonNode.class);
        JsonNode old =
                admin.post("/api/admin/devices", Map.of("name", "Old hall reader", "roomId", gym), JsonNode.class);
        admin.delete("/api/admin/devices/" + old.get("id").asString());
        JsonNode children = admin.get("/api/admin/students", JsonNode.class);
        Instant today = Instant.now().truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < 4; i++) {
            admin.post(
                    "/api/admin/scheduled-checkouts",
                    Map.of(
                            "studentId",
                            children.get(i * 7).get("id").asString(),
                            "dueAt",
                            today.plus(i + 1, ChronoUnit.HOURS)),
                    JsonNode.class);
        }
        JsonNode cancelled =
                admin.get("/api/admin/scheduled-checkouts", JsonNode.class).get(0);
        admin.delete("/api/admin/scheduled-checkouts/" + cancelled.get("id").asString());
        JsonNode group = admin.post(
                "/api/admin/groups",
                Map.of("name", "Theatre club " + UUID.randomUUID().toString().substring(0, 2)),
                JsonNode.class);
        admin.put("/api/admin/groups/" + group.get("id").asString() + "/leads", Map.of("staffIds", List.of()));
    }

    private static String roomId(JsonNode rooms, String name) {
        return rooms.valueStream()
                .filter(room -> room.get("name").asString().equals(name))
                .findFirst()
                .orElse(rooms.get(0))
                .get("id")
                .asString();
    }

    /** Registers a scanner through the admin area and pictures the key dialog it opens. */
    private static void newKeyDialog(ConsoleShell shell, String name, Path file) throws Exception {
        inDialog(
                () -> {
                    var scanners = shell.main().admin().scanners();
                    scanners.register(name, scanners.rooms().getFirst());
                },
                ButtonBar.ButtonData.CANCEL_CLOSE,
                file);
    }

    /** Opens a CSV file of the kind a school has, with a line of each sort, and pictures the preview. */
    private static void importPreview(ConsoleShell shell, Path work, Path file) throws Exception {
        Path csv = work.resolve("children.csv");
        Files.writeString(
                csv,
                String.join(
                        "\n",
                        "Vorname;Nachname;Klasse;RFID;Gruppe",
                        "Lena;Vogel;1a;CARD-7001;Classes 1\u20132",
                        "Paul;Vogel;3b;CARD-7002;Classes 3\u20134",
                        "Ida;Sommer;2a;;",
                        "Ben;Becker;1b;CARD-7003;",
                        ";Ohne;2b;;",
                        "Eva;Winter;4a;DEMO-0010;",
                        "Tom;Berg;4b;;Chor"));
        inDialog(
                () -> AdminTesting.importFile(stageOf(shell).getScene(), csv), ButtonBar.ButtonData.CANCEL_CLOSE, file);
    }

    /** Runs {@code opening} on the FX thread, pictures the window it opens, and closes it with {@code closing}. */
    private static void inDialog(Runnable opening, ButtonBar.ButtonData closing, Path file) throws Exception {
        List<Window> before = onFx(() -> List.copyOf(Window.getWindows()));
        Platform.runLater(opening);
        await().atMost(WAIT).until(() -> onFx(() -> Window.getWindows().size() > before.size()));
        Thread.sleep(700);
        onFx(() -> {
            Window dialog = Window.getWindows().stream()
                    .filter(w -> !before.contains(w))
                    .findFirst()
                    .orElseThrow();
            Snapshots.save(dialog.getScene(), file);
            DialogPane pane = (DialogPane) dialog.getScene().getRoot();
            pane.getButtonTypes().stream()
                    .filter(type -> type.getButtonData() == closing)
                    .map(type -> (javafx.scene.control.Button) pane.lookupButton(type))
                    .findFirst()
                    .orElseThrow()
                    .fire();
            return null;
        });
    }

    private static final Map<ConsoleShell, Stage> STAGES = new java.util.concurrent.ConcurrentHashMap<>();

    private static Stage stageOf(ConsoleShell shell) {
        return STAGES.get(shell);
    }

    private static ConsoleShell open(String serverUrl, Path work, Theme theme, String language) throws Exception {
        ConsoleStartup startup = new ConsoleStartup(
                serverUrl,
                "demo",
                "admin",
                "demo",
                new UserChoices(theme, language, false, "admin", "demo"),
                choices -> {},
                sound -> {},
                ServerApi::at,
                session -> SseRealtimeClient.create(session, work, RealtimeSettings.defaults()),
                TokenVault.none());
        return onFx(() -> {
            Stage stage = new Stage();
            ConsoleShell shell = new ConsoleShell(stage, startup);
            shell.start();
            stage.setMaximized(false);
            stage.setWidth(1280);
            stage.setHeight(800);
            STAGES.put(shell, stage);
            return shell;
        });
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }

    private static Path findImages() {
        return Files.isDirectory(Path.of("docs")) ? Path.of("docs", "images") : Path.of("..", "docs", "images");
    }
}
