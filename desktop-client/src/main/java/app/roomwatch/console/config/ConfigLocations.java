package app.roomwatch.console.config;

import dev.dirs.ProjectDirectories;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where the console's two settings files are: the admin's preset for every user of the machine, and the user's
 * own file, which wins key by key. Injectable so that tests never read the real machine's files.
 *
 * @param preset the machine-wide file an admin (or a software-distribution tool) writes
 * @param user the file in the user's own configuration folder
 */
public record ConfigLocations(Path preset, Path user) {

    /** The file name in both places. */
    public static final String FILE_NAME = "console.properties";

    public ConfigLocations {
        if (preset == null || user == null) {
            throw new IllegalArgumentException("both the preset and the user file are required");
        }
    }

    /** The documented places on the operating system the console runs on. */
    public static ConfigLocations forThisComputer() {
        String osName = System.getProperty("os.name", "");
        Map<String, String> environment = System.getenv();
        // dev.dirs follows each OS's convention: $XDG_CONFIG_HOME or ~/.config on Linux, the roaming AppData on
        // Windows, ~/Library/Application Support on macOS.
        return new ConfigLocations(
                Path.of(presetFor(osName, environment)),
                Path.of(userFileFor(
                        osName,
                        environment,
                        () -> ProjectDirectories.from("app", "Roomwatch", "Roomwatch").configDir)));
    }

    /**
     * The user's file as text. On Windows dev.dirs asks PowerShell for the roaming AppData folder, which costs
     * seconds at every start; {@code %APPDATA%} names the same folder at once, so dev.dirs is asked only without it.
     */
    static String userFileFor(String osName, Map<String, String> environment, Supplier<String> devDirsConfigDir) {
        String appData = environment.get("APPDATA");
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows") && appData != null && !appData.isBlank()) {
            return appData + "\\Roomwatch\\Roomwatch\\config\\" + FILE_NAME;
        }
        return Path.of(devDirsConfigDir.get(), FILE_NAME).toString();
    }

    /** The preset's path as text, for the named OS; package-private so every OS's answer is testable on any OS. */
    static String presetFor(String osName, Map<String, String> environment) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String programData = environment.getOrDefault("ProgramData", "C:\\ProgramData");
            return programData + "\\Roomwatch\\" + FILE_NAME;
        }
        if (os.startsWith("mac")) {
            return "/Library/Application Support/Roomwatch/" + FILE_NAME;
        }
        return "/etc/roomwatch/" + FILE_NAME;
    }
}
