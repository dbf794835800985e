package app.roomwatch.console.config;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleConfigLoaderTests {

    @TempDir
    Path dir;

    private Path preset;
    private Path user;
    private ConsoleConfigLoader loader;

    @BeforeEach
    void locations() {
        preset = dir.resolve("etc/roomwatch/console.properties");
        user = dir.resolve("home/.config/roomwatch/console.properties");
        loader = new ConsoleConfigLoader(new ConfigLocations(preset, user));
    }

    @Test
    void presetSetsTheServerUrlForAUserWithoutOwnSettings() throws IOException {
        write(preset, "# written by the school's admin\nserver.url = https://roomwatch.school.example\n");

        LoadedConfig loaded = loader.load();

        assertThat(loaded.config().serverUrl()).isEqualTo(URI.create("https://roomwatch.school.example"));
        assertThat(loaded.originOf(ConsoleConfig.SERVER_URL)).isEqualTo(preset.toString());
        assertThat(loaded.files())
                .extracting(ConfigFile::role, ConfigFile::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("user", ConfigFile.Status.ABSENT),
                        org.assertj.core.groups.Tuple.tuple("preset", ConfigFile.Status.READ));
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void usersOwnSettingOverridesThePreset() throws IOException {
        write(preset, "server.url=https://roomwatch.school.example\n");
        write(user, "server.url=http://test-server.school.example:8080/\n");

        LoadedConfig loaded = loader.load();

        assertThat(loaded.config().serverUrl()).isEqualTo(URI.create("http://test-server.school.example:8080"));
        assertThat(loaded.originOf(ConsoleConfig.SERVER_URL)).isEqualTo(user.toString());
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void withoutAnyFileTheConsoleLooksForAServerOnThisMachine() {
        LoadedConfig loaded = loader.load();

        assertThat(loaded.config().serverUrl()).isEqualTo(ConsoleConfig.DEFAULT_SERVER_URL);
        assertThat(loaded.originOf(ConsoleConfig.SERVER_URL)).isEqualTo("built-in default");
        assertThat(loaded.problems()).as("missing files are normal").isEmpty();
        assertThat(loaded.report())
                .contains(
                        "settings user " + user + ": not present",
                        "settings preset " + preset + ": not present",
                        "server URL http://localhost:8080 (from built-in default)");
    }

    @Test
    void malformedPresetIsNamedAndTheUsersFileStillCounts() throws IOException {
        write(preset, "server.url=https://roomwatch.school.example\nbroken=\\u12\n");
        write(user, "server.url=https://other.school.example\n");

        LoadedConfig loaded = loader.load();

        assertThat(loaded.config().serverUrl()).isEqualTo(URI.create("https://other.school.example"));
        assertThat(loaded.files().get(1).status()).isEqualTo(ConfigFile.Status.UNREADABLE);
        assertThat(loaded.problems())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("The preset file " + preset + " is malformed (")
                .endsWith("; its settings are ignored");
    }

    @Test
    void malformedFileContributesNothingEvenWhenItsFirstLinesWereFine() throws IOException {
        write(preset, "server.url=https://roomwatch.school.example\nbroken=\\u12\n");

        LoadedConfig loaded = loader.load();

        assertThat(loaded.config().serverUrl()).isEqualTo(ConsoleConfig.DEFAULT_SERVER_URL);
    }

    @Test
    void fileSavedInAnotherEncodingIsNamedInsteadOfMisread() throws IOException {
        Files.createDirectories(preset.getParent());
        Files.write(
                preset, "# Einstellungen für alle Konsolen\nserver.url=https://schule.example\n".getBytes(ISO_8859_1));

        LoadedConfig loaded = loader.load();

        assertThat(loaded.config().serverUrl()).isEqualTo(ConsoleConfig.DEFAULT_SERVER_URL);
        assertThat(loaded.problems())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains(preset.toString(), "not UTF-8 text (save it as UTF-8)");
    }

    @Test
    void byteOrderMarkOfWindowsEditorsIsNotPartOfTheFirstKey() throws IOException {
        write(preset, "\uFEFFserver.url=https://roomwatch.school.example\n");

        LoadedConfig loaded = loader.load();

        assertThat(loaded.config().serverUrl()).isEqualTo(URI.create("https://roomwatch.school.example"));
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void invalidUserValueFallsBackToThePresetAndSaysWhy() throws IOException {
        write(preset, "server.url=https://roomwatch.school.example\n");
        write(user, "server.url=roomwatch.school.example\n");

        LoadedConfig loaded = loader.load();

        assertThat(loaded.config().serverUrl()).isEqualTo(URI.create("https://roomwatch.school.example"));
        assertThat(loaded.originOf(ConsoleConfig.SERVER_URL)).isEqualTo(preset.toString());
        assertThat(loaded.problems())
                .containsExactly("Ignored server.url in " + user
                        + ": 'roomwatch.school.example' is not an http:// or https:// address,"
                        + " e.g. https://roomwatch.school.example");
    }

    @Test
    void emptyValueIsReportedRatherThanUsed() throws IOException {
        write(preset, "server.url=\n");

        LoadedConfig loaded = loader.load();

        assertThat(loaded.config().serverUrl()).isEqualTo(ConsoleConfig.DEFAULT_SERVER_URL);
        assertThat(loaded.problems()).containsExactly("Ignored server.url in " + preset + ": it is empty");
    }

    @Test
    void misspelledKeyIsReportedAsUnknown() throws IOException {
        write(preset, "server.ulr=https://roomwatch.school.example\n");

        LoadedConfig loaded = loader.load();

        assertThat(loaded.config().serverUrl()).isEqualTo(ConsoleConfig.DEFAULT_SERVER_URL);
        assertThat(loaded.problems()).containsExactly("Unknown setting 'server.ulr' in " + preset + " (ignored)");
    }

    @Test
    void folderWhereTheFileShouldBeIsReported() throws IOException {
        Files.createDirectories(user);

        LoadedConfig loaded = loader.load();

        assertThat(loaded.config().serverUrl()).isEqualTo(ConsoleConfig.DEFAULT_SERVER_URL);
        assertThat(loaded.report())
                .contains(
                        "settings user " + user + ": unusable, not a regular file",
                        "problem: The user file " + user + " is not a regular file; its settings are ignored");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, UTF_8);
    }
}
