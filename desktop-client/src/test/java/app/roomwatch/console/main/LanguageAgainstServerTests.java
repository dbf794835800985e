package app.roomwatch.console.main;

import static app.roomwatch.console.testing.QuickPolling.POLL_SOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.main.ConsoleShell.ConsoleStartup;
import app.roomwatch.console.realtime.RealtimeSettings;
import app.roomwatch.console.status.ConnectionSnapshot.Light;
import app.roomwatch.console.testing.ScreenTexts;
import app.roomwatch.console.testing.ServerProcess;
import app.roomwatch.console.testing.TcpProxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
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

/**
 * The console in German against the real server jar: the language changes at once without signing in again, every
 * view and dialog is read for English left over, and nothing is cut off at the window's default size.
 */
class LanguageAgainstServerTests {

    private static final Duration AWAIT = Duration.ofSeconds(30);
    private static final List<String> TABS =
            List.of("tab.groups", "tab.rooms", "tab.roster", "tab.where", "tab.feed", "tab.notifications");

    private static final Messages GERMAN = Messages.of("de");

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
        // Something in every list: a check-in in the feed, an info and an urgent notification (strip and toast).
        var annasGroup = school.groupOf("Anna");
        String door = school.registerScanner(annasGroup.get("roomId").asString());
        school.scan(door, school.tagOfAChildOutside());
        school.announce("Elternabend am Donnerstag", "In der Aula um 19 Uhr", "info");
        school.announce("Feueralarm-Übung um 15:30", "Alle Gruppen gehen in den Hof", "urgent");
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
    void switchingToGermanChangesEveryViewDialogAndTooltipAtOnceWithoutSigningInAgain() throws Exception {
        open("en", "demo");
        Set<String> english = ScreenTexts.englishOnlyFragments();
        assertThat(english).contains("checked in to", "Live rooms", "From");

        robot.interact(() -> shell.settings().languageProperty().set("de"));

        await().atMost(AWAIT)
                .until(() -> fx(() -> shell.main() != null
                        && shell.mainView() != null
                        && shell.main().status().lightProperty().get() == Light.LIVE));
        assertThat(fx(() -> robot.lookup("#login-password").tryQuery().isEmpty()))
                .isTrue();
        await().atMost(AWAIT)
                .until(() -> fx(() -> !shell.main().feed().entries().items().isEmpty()));
        // Names are the school's data, not the console's words: the demo's groups are called "Classes 1–2" in either.
        Set<String> names = fx(() -> shell.main().roster().groups().items().stream()
                .map(app.roomwatch.model.api.LedGroup::name)
                .collect(java.util.stream.Collectors.toSet()));
        List<String> found = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String tab : TABS) {
            robot.interact(() -> shell.mainView().show(tab));
            WaitForAsyncUtils.waitForFxEvents();
            englishIn(stage, english).stream()
                    .filter(text -> names.stream().noneMatch(name -> text.startsWith(name + " <- ")))
                    .forEach(found::add);
            seen.addAll(fx(() -> ScreenTexts.of(stage.getScene().getRoot())));
        }
        // The status light's tooltip is read too, and it is German.
        assertThat(seen).anyMatch(text -> text.startsWith("tooltip: " + GERMAN.get("status.live.explained")));
        // Every dialog: settings, starting an activity, its supervisors, and ending it.
        found.addAll(inDialog(() -> robot.clickOn("#settings"), english));
        robot.interact(() -> shell.mainView().show("tab.groups"));
        for (String button : List.of("#groups-start", "#groups-supervisors", "#groups-end")) {
            found.addAll(inDialog(() -> robot.clickOn(button), english));
        }

        assertThat(found).as("English text in the German console").isEmpty();
    }

    @Test
    void anOpenSettingsDialogChangesItsOwnLanguageAtOnce() throws Exception {
        open("en", "demo");
        Set<String> english = ScreenTexts.englishOnlyFragments();
        List<Window> before = fx(() -> List.copyOf(Window.getWindows()));
        robot.clickOn("#settings");
        await().atMost(AWAIT).until(() -> fx(() -> Window.getWindows().size() > before.size()));
        Window dialog = fx(() -> Window.getWindows().stream()
                .filter(w -> !before.contains(w))
                .findFirst()
                .orElseThrow());
        assertThat(fx(() -> ScreenTexts.of(dialog.getScene().getRoot()))).contains("Theme");

        robot.interact(() -> shell.settings().languageProperty().set("de"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> ScreenTexts.of(dialog.getScene().getRoot())))
                .contains(GERMAN.get("settings.title"), GERMAN.get("settings.theme"), GERMAN.get("settings.close"));
        assertThat(englishIn(dialog, english)).isEmpty();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void whileNotLiveTheBannerTheAgeOfThePictureAndEveryDisabledActionSayWhyInGerman() throws Exception {
        try (TcpProxy proxy = TcpProxy.to(server.port())) {
            open("de", "demo", proxy.baseUrl(), POLL_SOON);
            Set<String> english = ScreenTexts.englishOnlyFragments();
            proxy.refuseStreams(true);
            await().atMost(AWAIT)
                    .until(() -> fx(() -> shell.main().status().lightProperty().get() == Light.POLLING));
            WaitForAsyncUtils.waitForFxEvents();

            List<String> seen = fx(() -> ScreenTexts.of(stage.getScene().getRoot()));
            assertThat(seen)
                    .contains(GERMAN.get("status.pollingBanner"))
                    .anyMatch(text -> text.startsWith("Was Sie sehen, ist der Stand von "))
                    .contains("tooltip: " + GERMAN.get("status.blocked.polling"));
            assertThat(fx(() -> robot.lookup("#groups-start").queryButton().isDisabled()))
                    .isTrue();
            assertThat(englishIn(stage, english)).isEmpty();
        }
    }

    @Test
    void theGermanSignInSaysWhatIsWrongInGerman() throws Exception {
        open("de", "falsch");

        await().atMost(AWAIT)
                .until(() -> fx(() -> robot.lookup("#login-error")
                        .tryQuery()
                        .map(Node::isVisible)
                        .orElse(false)));
        List<String> found = englishIn(stage, ScreenTexts.englishOnlyFragments());
        assertThat(found).isEmpty();
        assertThat(fx(() -> ScreenTexts.truncated(stage.getScene().getRoot()))).isEmpty();
    }

    @Test
    void noLabelIsCutOffAtTheDefaultWindowSizeInEitherLanguage() throws Exception {
        for (String language : List.of("en", "de")) {
            open(language, "demo");
            await().atMost(AWAIT)
                    .until(() -> fx(
                            () -> !shell.main().notifications().urgentUnread().isEmpty()));
            List<String> cut = new ArrayList<>();
            for (String tab : TABS) {
                robot.interact(() -> shell.mainView().show(tab));
                WaitForAsyncUtils.waitForFxEvents();
                cut.addAll(fx(() -> ScreenTexts.truncated(stage.getScene().getRoot())));
            }
            assertThat(cut).as("labels cut off in " + language).isEmpty();
            robot.interact(() -> stage.close());
            FxToolkit.cleanupStages();
        }
    }

    private List<String> inDialog(Runnable opening, Set<String> english) throws Exception {
        List<Window> before = fx(() -> List.copyOf(Window.getWindows()));
        opening.run();
        await().atMost(AWAIT).until(() -> fx(() -> Window.getWindows().size() > before.size()));
        Window dialog = fx(() -> Window.getWindows().stream()
                .filter(w -> !before.contains(w))
                .findFirst()
                .orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> found = new ArrayList<>(englishIn(dialog, english));
        List<String> cut = fx(() -> ScreenTexts.truncated(dialog.getScene().getRoot()));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        await().atMost(AWAIT).until(() -> fx(() -> !dialog.isShowing()));
        found.addAll(cut.stream().map(c -> "cut off: " + c).toList());
        return found;
    }

    private List<String> englishIn(Window window, Set<String> english) throws Exception {
        return fx(() -> ScreenTexts.of(window.getScene().getRoot()).stream()
                .filter(text -> ScreenTexts.STOCK_ENGLISH.contains(text)
                        || english.stream().anyMatch(text::contains))
                .map(text ->
                        text + " <- " + english.stream().filter(text::contains).toList())
                .toList());
    }

    private void open(String language, String password) throws Exception {
        open(language, password, server.baseUrl(), RealtimeSettings.defaults());
    }

    private void open(String language, String password, String baseUrl, RealtimeSettings realtime) throws Exception {
        ConsoleStartup startup = DemoConsoles.startup(baseUrl, "anna", password, language, consoleDir, realtime);
        robot.interact(() -> {
            stage = new Stage();
            shell = new ConsoleShell(stage, startup);
            shell.start();
            stage.setMaximized(false);
            stage.setWidth(1200);
            stage.setHeight(760);
        });
        if (password.equals("demo")) {
            await().atMost(AWAIT)
                    .until(() -> fx(() -> shell.main() != null
                            && shell.main().status().lightProperty().get() == Light.LIVE));
        }
    }

    private static <T> T fx(Supplier<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read::get).get();
    }
}
