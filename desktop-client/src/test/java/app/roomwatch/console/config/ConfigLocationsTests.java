package app.roomwatch.console.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ConfigLocationsTests {

    @Test
    void presetIsInEachSystemsMachineWideSettingsFolder() {
        assertThat(ConfigLocations.presetFor("Linux", Map.of())).isEqualTo("/etc/roomwatch/console.properties");
        assertThat(ConfigLocations.presetFor("Windows 11", Map.of("ProgramData", "D:\\ProgramData")))
                .isEqualTo("D:\\ProgramData\\Roomwatch\\console.properties");
        assertThat(ConfigLocations.presetFor("Windows Server 2022", Map.of()))
                .isEqualTo("C:\\ProgramData\\Roomwatch\\console.properties");
        assertThat(ConfigLocations.presetFor("Mac OS X", Map.of()))
                .isEqualTo("/Library/Application Support/Roomwatch/console.properties");
    }

    @Test
    void userFileOnWindowsIsTheOneDevDirsNamesWithoutAskingPowerShell() {
        assertThat(ConfigLocations.userFileFor(
                        "Windows 11", Map.of("APPDATA", "C:\\Users\\anna\\AppData\\Roaming"), () -> {
                            throw new AssertionError("dev.dirs would start PowerShell");
                        }))
                .isEqualTo("C:\\Users\\anna\\AppData\\Roaming\\Roomwatch\\Roomwatch\\config\\console.properties");
        assertThat(ConfigLocations.userFileFor("Windows 11", Map.of(), () -> "/from/dev/dirs"))
                .isEqualTo("/from/dev/dirs/console.properties");
        assertThat(ConfigLocations.userFileFor(
                        "Linux", Map.of("APPDATA", "ignored"), () -> "/home/anna/.config/roomwatch"))
                .isEqualTo("/home/anna/.config/roomwatch/console.properties");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void userFileIsInTheUsersXdgConfigFolderOnLinux() {
        ConfigLocations locations = ConfigLocations.forThisComputer();

        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path configHome =
                xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        assertThat(locations.user()).isEqualTo(configHome.resolve("roomwatch/console.properties"));
        assertThat(locations.preset()).isEqualTo(Path.of("/etc/roomwatch/console.properties"));
    }
}
