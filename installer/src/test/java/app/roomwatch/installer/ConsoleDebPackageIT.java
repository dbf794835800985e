package app.roomwatch.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.roomwatch.console.RoomwatchConsole;
import app.roomwatch.installer.Commands.Finished;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the .deb the build just made as an admin would ({@code dpkg -i}), starts the installed console with
 * {@code --self-test} and the admin's preset, and removes it again ({@code dpkg -r}).
 */
@EnabledOnOs(OS.LINUX)
class ConsoleDebPackageIT {

    private static final String PACKAGE = "roomwatch-console";
    private static final Path INSTALLED_LAUNCHER = Path.of("/opt/roomwatch-console/bin/roomwatch-console");
    private static final Path MENU_ENTRY =
            Path.of("/usr/share/applications/roomwatch-console-roomwatch-console.desktop");
    /** xdg-desktop-menu adds menu entries only where this folder exists, as it does on every desktop. */
    private static final Path MENU_DIRECTORIES = Path.of("/usr/share/desktop-directories");

    private static final Path PRESET = Path.of("/etc/roomwatch/console.properties");
    private static final Duration DPKG_DEADLINE = Duration.ofMinutes(3);

    private static Path deb;

    @TempDir
    Path configHome;

    @BeforeAll
    static void onlyWhereDpkgMayRun() throws IOException {
        String user = System.getProperty("user.name");
        assumeTrue(
                "root".equals(user), "skipping the .deb install: dpkg -i needs root, and this build runs as " + user);
        assumeTrue(Commands.exists("dpkg"), "skipping the .deb install: dpkg is not on this machine");
        assumeTrue(
                !isInstalled(PACKAGE),
                "skipping the .deb install: " + PACKAGE + " is already installed here, and a test must not remove it");
        deb = theDeb();
        installMissingDependencies(deb);
    }

    @Test
    void installedConsoleStartsWithTheAdminsPresetAndHasAMenuEntry() throws IOException {
        boolean presetWrittenHere = !Files.exists(PRESET);
        boolean menuDirectoriesMadeHere = !Files.exists(MENU_DIRECTORIES);
        try {
            if (presetWrittenHere) {
                Files.createDirectories(PRESET.getParent());
                Files.writeString(PRESET, "server.url=https://roomwatch.school.example\n");
            }
            if (menuDirectoriesMadeHere) {
                Files.createDirectories(MENU_DIRECTORIES);
            }
            install();

            Finished selfTest = ConsoleAppImageIT.selfTest(INSTALLED_LAUNCHER, configHome);

            assertThat(selfTest.exitCode()).as(selfTest.output()).isZero();
            assertThat(selfTest.output()).contains("settings preset " + PRESET + ": read", "self-test passed");
            if (presetWrittenHere) {
                assertThat(selfTest.output())
                        .contains("server URL https://roomwatch.school.example (from " + PRESET + ")");
            }
            assertThat(MENU_ENTRY)
                    .as("the menu entry")
                    .content()
                    .contains("Name=Roomwatch", "Exec=" + INSTALLED_LAUNCHER, "Icon=/opt/roomwatch-console/lib/")
                    .contains("StartupWMClass=" + RoomwatchConsole.Window.class.getName());
        } finally {
            remove();
            if (presetWrittenHere) {
                Files.deleteIfExists(PRESET);
                deleteIfEmpty(PRESET.getParent());
            }
            if (menuDirectoriesMadeHere) {
                deleteIfEmpty(MENU_DIRECTORIES);
            }
        }
        assertThat(MENU_ENTRY).doesNotExist();
    }

    /**
     * One version everywhere: the package's, the installed console's and the project's are the same release number,
     * so a server whose minimum is that version never calls the console old. JavaFX's run-time libraries are
     * declared, and a purge takes the admin's preset with it.
     */
    @Test
    void carriesTheProjectsVersionDeclaresJavaFxsLibrariesAndPurgesThePreset() throws IOException {
        assumeTrue(!Files.exists(PRESET), "skipping: " + PRESET + " exists here, and a test must not remove it");
        String version = System.getProperty("roomwatch.version");
        assertThat(version).doesNotContain("SNAPSHOT");
        assertThat(field("Version")).isEqualTo(version);
        assertThat(field("Depends")).contains("libgtk-3-0", "libasound2", "libgl1");
        try {
            install();
            Files.createDirectories(PRESET.getParent());
            Files.writeString(PRESET, "server.url=https://roomwatch.school.example\n");

            Finished selfTest = ConsoleAppImageIT.selfTest(INSTALLED_LAUNCHER, configHome);
            assertThat(selfTest.output()).startsWith("Roomwatch console " + version + " self-test");
        } finally {
            Finished purge = Commands.run(DPKG_DEADLINE, "dpkg", "--purge", PACKAGE);
            assertThat(purge.exitCode()).as(purge.output()).isZero();
        }
        assertThat(PRESET).doesNotExist();
        assertThat(INSTALLED_LAUNCHER).doesNotExist();
    }

    private static String field(String name) {
        Finished field = Commands.run(Duration.ofSeconds(30), "dpkg-deb", "--field", deb.toString(), name);
        assertThat(field.exitCode()).as(field.output()).isZero();
        return field.output().strip();
    }

    @Test
    void installsAndRemovesOnAMachineWithoutADesktopMenu() {
        assumeTrue(
                !Files.exists(MENU_DIRECTORIES),
                "skipping: this machine has a desktop menu (" + MENU_DIRECTORIES + "), and a test must not remove it");
        try {
            Finished install = install();
            assertThat(install.output()).contains("no desktop menu on this machine");

            Finished selfTest = ConsoleAppImageIT.selfTest(INSTALLED_LAUNCHER, configHome);

            assertThat(selfTest.exitCode()).as(selfTest.output()).isZero();
        } finally {
            remove();
        }
    }

    private static Finished install() {
        Finished install = Commands.run(DPKG_DEADLINE, "dpkg", "-i", deb.toString());
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(INSTALLED_LAUNCHER).isExecutable();
        return install;
    }

    private static void remove() {
        Finished remove = Commands.run(DPKG_DEADLINE, "dpkg", "-r", PACKAGE);
        assertThat(remove.exitCode()).as(remove.output()).isZero();
        assertThat(isInstalled(PACKAGE)).isFalse();
        assertThat(INSTALLED_LAUNCHER).doesNotExist();
        // dpkg -r keeps the removed package's record, as on an admin's machine; a test machine need not.
        Commands.run(DPKG_DEADLINE, "dpkg", "--purge", PACKAGE);
    }

    static Path theDeb() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("roomwatch.console.bundle-dir")))) {
            List<Path> debs =
                    files.filter(file -> file.toString().endsWith(".deb")).toList();
            assertThat(debs).as("the .deb jpackage made").hasSize(1);
            return debs.getFirst();
        }
    }

    /**
     * dpkg installs no dependencies; an admin's {@code apt install ./roomwatch-console_….deb} would. A fresh build
     * machine may lack some that a desktop always has (xdg-utils, for the menu entry), so they come from apt first.
     */
    static void installMissingDependencies(Path deb) {
        Finished depends = Commands.run(Duration.ofSeconds(30), "dpkg-deb", "--field", deb.toString(), "Depends");
        assertThat(depends.exitCode()).as(depends.output()).isZero();
        List<String> missing = new ArrayList<>();
        for (String dependency : depends.output().strip().split(",")) {
            String name = dependency.strip().split("[ (]")[0];
            if (!name.isEmpty() && !isInstalled(name)) {
                missing.add(name);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<String> command =
                new ArrayList<>(Arrays.asList("apt-get", "install", "-y", "-q", "--no-install-recommends"));
        command.addAll(missing);
        Map<String, String> quiet = Map.of("DEBIAN_FRONTEND", "noninteractive");
        Finished apt = Commands.run(Duration.ofMinutes(5), quiet, command.toArray(String[]::new));
        if (apt.exitCode() != 0) {
            // A fresh machine may not have fetched the package lists yet.
            Commands.run(Duration.ofMinutes(5), quiet, "apt-get", "update", "-q");
            apt = Commands.run(Duration.ofMinutes(5), quiet, command.toArray(String[]::new));
        }
        assertThat(apt.exitCode())
                .as("the console's dependencies %s could not be installed:%n%s", missing, apt.output())
                .isZero();
    }

    static boolean isInstalled(String debianPackage) {
        Finished query = Commands.run(Duration.ofSeconds(30), "dpkg-query", "-W", "-f=${Status}", debianPackage);
        return query.exitCode() == 0 && query.output().contains("install ok installed");
    }

    private static void deleteIfEmpty(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return; // a purge took it already
        }
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(directory);
            }
        }
    }
}
