package app.roomwatch.installer;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.installer.Commands.Finished;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Starts the app-image the build just made, the way a desktop would, with {@code --self-test}. */
@EnabledOnOs(OS.LINUX)
class ConsoleAppImageIT {

    static final Duration SELF_TEST_DEADLINE = Duration.ofSeconds(60);

    private static Path appImage;
    private static Path launcher;

    @TempDir
    Path configHome;

    @BeforeAll
    static void appImage() {
        appImage = Path.of(System.getProperty("roomwatch.console.app-image"));
        launcher = appImage.resolve("bin").resolve(System.getProperty("roomwatch.console.name"));
        assertThat(launcher).as("the launcher jpackage made").isExecutable();
        assertThat(System.getenv("DISPLAY"))
                .as("a display for JavaFX: run the build under xvfb-run, as .ci/run does")
                .isNotBlank();
    }

    @Test
    void selfTestStartsJavaFxAndShowsTheSettingsItFound() throws IOException {
        Path userFile = configHome.resolve("roomwatch/console.properties");
        Files.createDirectories(userFile.getParent());
        Files.writeString(userFile, "server.url=https://roomwatch.school.example/\n");

        Finished run = selfTest(launcher, configHome);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("Roomwatch console " + System.getProperty("roomwatch.version") + " self-test")
                .containsPattern("JavaFX 25[.0-9+]* started")
                .contains("settings user " + userFile + ": read")
                .contains("settings preset /etc/roomwatch/console.properties: ")
                .contains("server URL https://roomwatch.school.example (from " + userFile + ")")
                .contains("self-test passed");
    }

    @Test
    void selfTestFailsWithTheReasonWhenTheSettingsAreBroken() throws IOException {
        Path userFile = configHome.resolve("roomwatch/console.properties");
        Files.createDirectories(userFile.getParent());
        Files.writeString(userFile, "server.url=roomwatch.school.example\n");

        Finished run = selfTest(launcher, configHome);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output())
                .contains("problem: Ignored server.url in " + userFile)
                .contains("self-test FAILED: the console starts, but its settings have the problems above");
    }

    @Test
    void selfTestFailsWithTheReasonWithoutADisplay() {
        Map<String, String> environment = new HashMap<>();
        environment.put("DISPLAY", null);
        environment.put("WAYLAND_DISPLAY", null);
        environment.put("XDG_CONFIG_HOME", configHome.toString());

        Finished run = Commands.run(SELF_TEST_DEADLINE, environment, launcher.toString(), "--self-test");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("self-test FAILED: JavaFX could not start: Unable to open DISPLAY");
    }

    @Test
    void appImageCarriesItsOwnJavaFxRuntimeAndIcon() throws IOException {
        String release = Files.readString(appImage.resolve("lib/runtime/release"));

        assertThat(release).contains("JAVA_VERSION=\"25");
        assertThat(runtimeModules()).contains("javafx.controls", "javafx.media", "jdk.localedata");
        assertThat(appImage.resolve("lib/app")).isDirectoryNotContaining("glob:**/javafx-*.jar");
        assertThat(appImage.resolve("lib/roomwatch-console.png")).isNotEmptyFile();
    }

    @Test
    void runtimeHoldsEveryModuleTheConsolesLibrariesNeed() throws IOException {
        Path app = appImage.resolve("lib/app");
        String classPath;
        try (Stream<Path> jars = Files.list(app)) {
            classPath = jars.filter(jar -> jar.toString().endsWith(".jar"))
                    .map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator));
        }
        // Against the full JDK that runs this test: a module the bundle lacks must still be found and named.
        Finished jdeps = Commands.run(
                Duration.ofMinutes(2),
                Path.of(System.getProperty("java.home"), "bin", "jdeps").toString(),
                "--ignore-missing-deps",
                "--multi-release",
                "25",
                "--recursive",
                "--print-module-deps",
                "--class-path",
                classPath,
                app.resolve("desktop-client-" + System.getProperty("roomwatch.version") + ".jar")
                        .toString());
        assertThat(jdeps.exitCode()).as(jdeps.output()).isZero();

        List<String> needed = Arrays.asList(jdeps.output().strip().split(","));
        assertThat(needed).as("jdeps' answer").contains("java.base");
        assertThat(runtimeModules())
                .as("the jlinked runtime's modules; add what is missing to console.jdk-modules in installer/pom.xml")
                .containsAll(needed);
    }

    /** The modules jlink put into the bundle's runtime, from its {@code release} file. */
    private static List<String> runtimeModules() throws IOException {
        return Files.readAllLines(appImage.resolve("lib/runtime/release")).stream()
                .filter(line -> line.startsWith("MODULES="))
                .flatMap(line -> Arrays.stream(
                        line.substring("MODULES=".length()).replace("\"", "").split(" ")))
                .toList();
    }

    /** Runs {@code launcher --self-test} with the user's settings folder at {@code configHome}. */
    static Finished selfTest(Path launcher, Path configHome) {
        return Commands.run(
                SELF_TEST_DEADLINE,
                Map.of("XDG_CONFIG_HOME", configHome.toString()),
                launcher.toString(),
                "--self-test");
    }
}
