package app.roomwatch.console.tour;

import static app.roomwatch.console.testing.QuickPolling.POLL_SOON;
import static org.awaitility.Awaitility.await;

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
import app.roomwatch.console.testing.TcpProxy;
import app.roomwatch.console.theme.Theme;
import app.roomwatch.model.api.LoginRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Takes the screenshots of docs/console.md from the running console: the real server jar with demo data and the
 * simulated scanner, the console signed in as anna at 1600x1000, each view in the light and the dark theme, in
 * English and German.
 *
 * <p>Run: {@code ./mvnw -pl desktop-client exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=app.roomwatch.console.tour.ConsoleTour -Droomwatch.server.jar=server/target/roomwatch-server.jar}
 * (on a display; {@code xvfb-run} on a headless machine).
 */
public final class ConsoleTour {

    private static final Path IMAGES = Path.of("docs", "images");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PRESET_URL = "https://roomwatch.school.example";

    private ConsoleTour() {}

    public static void main(String[] args) throws Exception {
        Path images = args.length > 0 ? Path.of(args[0]) : findImages();
        Path work = Files.createTempDirectory("roomwatch-tour");
        Platform.startup(() -> {});
        // The tour closes each window before opening the next; that must not end the JavaFX runtime.
        Platform.setImplicitExit(false);
        try (ServerProcess server = ServerProcess.start(work.resolve("server"), Map.of("simulate-scanner", "2"))) {
            for (Theme theme : Theme.values()) {
                for (String language : java.util.List.of("en", "de")) {
                    tour(server, work, images, theme, language);
                }
            }
        } finally {
            Platform.exit();
        }
        System.out.println("Screenshots written to " + images.toAbsolutePath());
    }

    /**
     * Every view of one theme and language, as anna sees it at 1600x1000: My groups just after a check-out (its
     * confirmation offers Undo), Live rooms and a room opened, Where is, My group roster, Events, Notifications with
     * an urgent one in the strip, and My groups while the stream is blocked and the console polls.
     */
    private static void tour(ServerProcess server, Path work, Path images, Theme theme, String language)
            throws Exception {
        String suffix = ("de".equals(language) ? "-de-" : "-") + theme.key() + ".png";
        // The sign-in form as a school's desktop shows it: the admin's preset address, not a test port. Without
        // a password it never calls that address.
        ConsoleShell login = open(PRESET_URL, work, theme, "", RealtimeSettings.defaults(), language);
        Thread.sleep(500); // let the first layout pass settle before the picture
        onFx(() -> {
            Snapshots.save(stageOf(login).getScene(), images.resolve("console-login" + suffix));
            stageOf(login).close();
            return null;
        });

        ConsoleShell shell = open(server.baseUrl(), work, theme, "demo", RealtimeSettings.defaults(), language);
        await().atMost(WAIT)
                .until(() -> onFx(() -> shell.main() != null
                        && shell.main().status().lightProperty().get() == Light.LIVE));
        // Let the simulated scanner fill the rooms and the feed a little.
        Thread.sleep(6_000);
        if ("de".equals(language)) {
            announce(server, "Abholung: Mia M. geht heute um 15 Uhr", "Vom Sekretariat", "info");
            announce(server, "In Raum 3 ist die Heizung aus", "Vom Sekretariat", "info");
        } else {
            announce(server, "Pick-up change: Mia M. goes home at 15:00", "From the office", "info");
            announce(server, "Room 3 heating is off today", "From the office", "info");
        }
        checkOutTheNewestChild(shell);
        snapshot(shell, "tab.groups", images.resolve("console-my-groups" + suffix));
        snapshot(shell, "tab.rooms", images.resolve("console-live-rooms" + suffix));
        openBusiestRoom(shell);
        snapshot(shell, "tab.rooms", images.resolve("console-room-open" + suffix));
        snapshot(shell, "tab.where", images.resolve("console-where-is" + suffix));
        snapshot(shell, "tab.roster", images.resolve("console-roster" + suffix));
        snapshot(shell, "tab.feed", images.resolve("console-events" + suffix));
        if ("de".equals(language)) {
            announce(server, "Mia R. (4a) wird in der Turnhalle vermisst", "Zuletzt gesehen um 14:05", "urgent");
        } else {
            announce(server, "Fire drill at 15:30 \u2014 all groups to the yard", "Leave by the garden door", "urgent");
        }
        await().atMost(WAIT)
                .until(() -> onFx(() -> !shell.main().toasts().shown().isEmpty()));
        openFirstInfoGroup(shell);
        snapshot(shell, "tab.notifications", images.resolve("console-notifications" + suffix));
        onFx(() -> {
            stageOf(shell).close();
            return null;
        });
        readAll(server);

        // A network that blocks the stream: the console polls, says how old its picture is, and offers no action
        // that needs the server.
        try (TcpProxy proxy = TcpProxy.to(server.port())) {
            proxy.refuseStreams(true);
            ConsoleShell polling = open(proxy.baseUrl(), work, theme, "demo", POLL_SOON, language);
            await().atMost(WAIT)
                    .until(() -> onFx(() -> polling.main() != null
                            && polling.main().status().lightProperty().get() == Light.POLLING));
            snapshot(polling, "tab.groups", images.resolve("console-polling" + suffix));
            onFx(() -> {
                stageOf(polling).close();
                return null;
            });
        }
    }

    /** Checks out the child who came last, as a supervisor's click would, so that the picture shows Undo. */
    private static void checkOutTheNewestChild(ConsoleShell shell) throws Exception {
        onFx(() -> {
            var children = shell.main().groups().mine().children().items();
            if (!children.isEmpty()) {
                shell.main().groups().actions().checkOut(children.getFirst());
            }
            return null;
        });
    }

    private static final Map<ConsoleShell, Stage> STAGES = new java.util.concurrent.ConcurrentHashMap<>();

    private static Stage stageOf(ConsoleShell shell) {
        return STAGES.get(shell);
    }

    private static ConsoleShell open(
            String serverUrl, Path work, Theme theme, String password, RealtimeSettings realtime) throws Exception {
        return open(serverUrl, work, theme, password, realtime, "en");
    }

    private static ConsoleShell open(
            String serverUrl, Path work, Theme theme, String password, RealtimeSettings realtime, String language)
            throws Exception {
        ConsoleStartup startup = new ConsoleStartup(
                serverUrl,
                "demo",
                "anna",
                password,
                new UserChoices(theme, language, false, "anna", "demo"),
                choices -> {},
                sound -> {},
                ServerApi::at,
                session -> SseRealtimeClient.create(session, work, realtime),
                TokenVault.none());
        return onFx(() -> {
            Stage stage = new Stage();
            ConsoleShell shell = new ConsoleShell(stage, startup);
            shell.start();
            stage.setMaximized(false);
            stage.setWidth(1600);
            stage.setHeight(1000);
            STAGES.put(shell, stage);
            return shell;
        });
    }

    /** Opens the room with the most children on the board, as a supervisor's click would. */
    private static void openBusiestRoom(ConsoleShell shell) throws Exception {
        onFx(() -> {
            var rooms = shell.main().rooms().rooms();
            rooms.items().stream()
                    .max(java.util.Comparator.comparingInt(app.roomwatch.model.api.RoomView::occupancy))
                    .ifPresent(room -> rooms.selectedIdProperty().set(room.id()));
            return null;
        });
    }

    private static void snapshot(ConsoleShell shell, String tab, Path file) throws Exception {
        onFx(() -> {
            shell.mainView().show(tab);
            return null;
        });
        Thread.sleep(700); // one coalescing window and a layout pass
        onFx(() -> {
            Snapshots.save(stageOf(shell).getScene(), file);
            return null;
        });
    }

    private static void announce(ServerProcess server, String title, String body, String priority) throws Exception {
        StaffSession admin =
                StaffSession.login(ServerApi.at(server.baseUrl()), new LoginRequest("demo", "admin", "demo"));
        admin.post("/api/announcements", Map.of("title", title, "body", body, "priority", priority));
    }

    /** Anna reads everything, so the next picture starts with an empty strip. */
    private static void readAll(ServerProcess server) throws Exception {
        StaffSession anna =
                StaffSession.login(ServerApi.at(server.baseUrl()), new LoginRequest("demo", "anna", "demo"));
        anna.post("/api/notifications/read-all", Map.of());
    }

    /** Opens the first row of several info notifications, so the picture shows a group opened to its items. */
    private static void openFirstInfoGroup(ConsoleShell shell) throws Exception {
        Thread.sleep(700); // one coalescing window: the notifications have been fetched
        onFx(() -> {
            shell.main().notifications().groups().stream()
                    .filter(g -> !g.isUrgentRow() && g.size() > 1)
                    .findFirst()
                    .ifPresent(g -> shell.main().notifications().open(g));
            return null;
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

    /** docs/images of the repository, whether run from its root or from desktop-client. */
    private static Path findImages() {
        return Files.isDirectory(Path.of("docs")) ? IMAGES : Path.of("..").resolve(IMAGES);
    }
}
