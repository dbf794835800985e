package app.roomwatch.console.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserSettingsFileTests {

    @TempDir
    Path dir;

    @Test
    void theUsersChoicesAreWrittenToTheUserFileAndReadBackOverThePreset() throws IOException {
        Path preset = dir.resolve("etc/console.properties");
        Path user = dir.resolve("home/roomwatch/console.properties");
        Files.createDirectories(preset.getParent());
        Files.writeString(preset, "server.url=https://roomwatch.school.example\nlogin.tenant=demo\nui.theme=light\n");
        Files.createDirectories(user.getParent());
        Files.writeString(user, "# mine\nserver.url=http://localhost:9000\n");

        new UserSettingsFile(user)
                .update(Map.of(
                        ConsoleConfig.THEME, "dark",
                        ConsoleConfig.LANGUAGE, "de",
                        ConsoleConfig.SOUNDS, "false",
                        ConsoleConfig.USER_NAME, "anna"));
        LoadedConfig loaded = new ConsoleConfigLoader(new ConfigLocations(preset, user)).load();

        ConsoleConfig config = loaded.config();
        assertThat(config.serverUrl()).hasToString("http://localhost:9000");
        assertThat(config.theme()).isEqualTo("dark");
        assertThat(config.language()).isEqualTo("de");
        assertThat(config.sounds()).isFalse();
        assertThat(config.userName()).isEqualTo("anna");
        assertThat(config.tenant()).isEqualTo("demo");
        assertThat(loaded.problems()).isEmpty();
        assertThat(Files.readString(preset)).doesNotContain("dark");
    }

    @Test
    void aChoiceTheConsoleCannotUseIsReportedAndTheDefaultKept() throws IOException {
        Path user = dir.resolve("console.properties");
        Files.writeString(user, "ui.theme=purple\nui.sounds=maybe\n");

        LoadedConfig loaded = new ConsoleConfigLoader(new ConfigLocations(dir.resolve("absent"), user)).load();

        assertThat(loaded.config().theme()).isEqualTo("light");
        assertThat(loaded.config().sounds()).isTrue();
        assertThat(loaded.problems())
                .anySatisfy(p -> assertThat(p).contains("ui.theme").contains("'purple' is not one of light, dark"))
                .anySatisfy(p -> assertThat(p).contains("ui.sounds"));
    }
}
