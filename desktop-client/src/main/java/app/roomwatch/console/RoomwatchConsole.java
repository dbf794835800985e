package app.roomwatch.console;

import app.roomwatch.console.config.ConfigLocations;
import app.roomwatch.console.config.ConsoleConfigLoader;
import app.roomwatch.console.config.LoadedConfig;
import app.roomwatch.console.fx.UiThread;
import app.roomwatch.console.main.ConsoleLauncher;
import app.roomwatch.console.main.ConsoleShell;
import app.roomwatch.console.version.ConsoleVersion;
import app.roomwatch.console.version.ServerVersionCheck;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/**
 * Starts the console. With {@code --self-test} it checks, without a window or the network, that an installed
 * bundle works on this desktop: JavaFX starts and the settings can be read (exit codes in docs/installing.md).
 *
 * <p>Deliberately not an {@link Application} itself: the Java launcher refuses such a main class when JavaFX is
 * on the class path rather than in the runtime, as it is when run from an IDE or Maven.
 */
public final class RoomwatchConsole {

    static final int SELF_TEST_PASSED = 0;
    static final int JAVAFX_FAILED = 1;
    static final int SETTINGS_PROBLEMS = 2;

    private RoomwatchConsole() {}

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--self-test")) {
            System.exit(selfTest(System.out));
        }
        ConsoleLog.installForThisComputer();
        Application.launch(Window.class, args);
    }

    static int selfTest(PrintStream out) {
        out.println("Roomwatch console " + versionText() + " self-test");
        try {
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            if (!started.await(30, TimeUnit.SECONDS)) {
                out.println("self-test FAILED: JavaFX did not start within 30 s");
                return JAVAFX_FAILED;
            }
            out.println("JavaFX " + System.getProperty("javafx.runtime.version") + " started");
        } catch (RuntimeException | InterruptedException e) {
            // Typically "Unable to open DISPLAY": no desktop session, or GTK 3 missing.
            out.println("self-test FAILED: JavaFX could not start: " + e.getMessage());
            return JAVAFX_FAILED;
        }
        try {
            LoadedConfig loaded = new ConsoleConfigLoader(ConfigLocations.forThisComputer()).load();
            loaded.report().forEach(out::println);
            if (!loaded.problems().isEmpty()) {
                out.println("self-test FAILED: the console starts, but its settings have the problems above");
                return SETTINGS_PROBLEMS;
            }
        } finally {
            Platform.exit();
        }
        out.println("self-test passed");
        return SELF_TEST_PASSED;
    }

    private static String versionText() {
        return ConsoleVersion.current().map(Object::toString).orElse("(version unknown)");
    }

    /** The main window: sign-in, then the supervisor's views (see ConsoleShell), and the version banner. */
    public static final class Window extends Application {

        private final OkHttpClient http =
                new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();

        @Override
        public void start(Stage stage) {
            ConfigLocations locations = ConfigLocations.forThisComputer();
            LoadedConfig loaded = new ConsoleConfigLoader(locations).load();
            loaded.problems().forEach(problem -> System.err.println("Settings: " + problem));

            stage.getIcons()
                    .add(new Image(RoomwatchConsole.class
                            .getResource("roomwatch-console.png")
                            .toExternalForm()));
            ConsoleShell shell = ConsoleLauncher.open(
                    stage, loaded, locations, getParameters().getRaw());

            ServerVersionCheck check =
                    new ServerVersionCheck(http, loaded.config().serverUrl(), ConsoleVersion.current());
            Thread.ofVirtual()
                    .name("version-check")
                    .start(() -> check.check().banner().ifPresent(UiThread.fx().deliver(shell::showNotice)));
        }

        @Override
        public void stop() {
            http.dispatcher().executorService().shutdownNow();
            http.connectionPool().evictAll();
        }
    }
}
