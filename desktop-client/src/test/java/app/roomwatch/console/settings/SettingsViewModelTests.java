package app.roomwatch.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.console.config.ConfigLocations;
import app.roomwatch.console.config.ConsoleConfig;
import app.roomwatch.console.config.ConsoleConfigLoader;
import app.roomwatch.console.config.UserSettingsFile;
import app.roomwatch.console.theme.Theme;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTests {

    @TempDir
    Path folder;

    private final List<UserChoices> saved = new ArrayList<>();

    @Test
    void eachChangeIsSavedAtOnceAndKeepsTheOtherChoices() {
        var model = new SettingsViewModel(
                new UserChoices(Theme.LIGHT, "en", true, "anna", "demo", "https://other.example"), saved::add);

        model.themeProperty().set(Theme.DARK);
        model.languageProperty().set("de");
        model.soundsProperty().set(false);

        assertThat(saved)
                .containsExactly(
                        new UserChoices(Theme.DARK, "en", true, "anna", "demo", "https://other.example"),
                        new UserChoices(Theme.DARK, "de", true, "anna", "demo", "https://other.example"),
                        new UserChoices(Theme.DARK, "de", false, "anna", "demo", "https://other.example"));
        assertThat(model.current()).isEqualTo(saved.getLast());
    }

    @Test
    void aSignInAtTheConfiguredServerKeepsAnAddressTypedEarlier() {
        var model = new SettingsViewModel(
                new UserChoices(Theme.LIGHT, "en", true, "anna", "demo", "https://other.example"), saved::add);

        model.remember("ben", "demo", "");

        assertThat(saved)
                .containsExactly(new UserChoices(Theme.LIGHT, "en", true, "ben", "demo", "https://other.example"));
    }

    @Test
    void aServerAddressTypedAtSignInOverridesTheAdminsPresetAtTheNextStart() throws IOException {
        Path preset = folder.resolve("preset.properties");
        Path user = folder.resolve("user").resolve("console.properties");
        Files.writeString(preset, ConsoleConfig.SERVER_URL + "=https://roomwatch.school.example\n");
        var locations = new ConfigLocations(preset, user);
        var file = new ChoicesFile(new UserSettingsFile(locations));
        var model = new SettingsViewModel(
                ChoicesFile.read(new ConsoleConfigLoader(locations).load().config()), file::save);

        model.themeProperty().set(Theme.DARK);
        assertThat(new ConsoleConfigLoader(locations).load().config().serverUrl())
                .as("choices saved without a typed address leave the preset in force")
                .isEqualTo(URI.create("https://roomwatch.school.example"));

        model.remember("anna", "demo", "https://roomwatch-test.school.example");
        ConsoleConfig next = new ConsoleConfigLoader(locations).load().config();

        assertThat(next.serverUrl()).isEqualTo(URI.create("https://roomwatch-test.school.example"));
        assertThat(next.userName()).isEqualTo("anna");
        assertThat(next.tenant()).isEqualTo("demo");
        assertThat(next.theme()).isEqualTo(Theme.DARK.key());
        assertThat(Files.readString(preset)).doesNotContain("roomwatch-test");
    }
}
