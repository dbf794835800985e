package app.roomwatch.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The console's log file, so that what went wrong on a desktop can be read after the fact even when the console was
 * started from the menu: {@code console-0.log} (the newest) to {@code console-4.log}, 1 MiB each, in the user's log
 * folder ({@link #folderFor}), besides standard error. The settings dialog shows where.
 */
public final class ConsoleLog {

    static final int FILE_LIMIT_BYTES = 1024 * 1024;
    static final int FILES = 5;

    private static volatile Path current;

    private ConsoleLog() {}

    /** The newest log file, once {@link #install} has opened it. */
    public static Optional<Path> file() {
        return Optional.ofNullable(current);
    }

    /**
     * Sends every log record of the console (and of its libraries, which log through java.util.logging) to the
     * rotating files in {@code folder} too; returns the newest file.
     */
    static Path install(Path folder) throws IOException {
        Files.createDirectories(folder);
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$-7s %3$s: %5$s%6$s%n");
        Handler handler = new FileHandler(
                // A % in the folder's name would read as one of FileHandler's own placeholders.
                folder.toString().replace("%", "%%") + java.io.File.separator + "console-%g.log",
                FILE_LIMIT_BYTES,
                FILES,
                true);
        handler.setFormatter(new SimpleFormatter());
        handler.setEncoding("UTF-8");
        Logger.getLogger("").addHandler(handler);
        current = folder.resolve("console-0.log");
        return current;
    }

    /** Installs the log in this computer's log folder, or says on standard error why it could not. */
    static void installForThisComputer() {
        Path folder =
                Path.of(folderFor(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home")));
        try {
            install(folder);
        } catch (IOException | RuntimeException e) {
            System.err.println("Roomwatch console: no log file in " + folder + ": " + e.getMessage());
        }
    }

    /**
     * The log folder each OS's conventions name: {@code $XDG_STATE_HOME/roomwatch/logs} (default
     * {@code ~/.local/state}) on Linux, {@code %LOCALAPPDATA%\Roomwatch\logs} on Windows, {@code ~/Library/Logs/Roomwatch}
     * on macOS.
     */
    static String folderFor(String osName, Map<String, String> environment, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String localAppData = environment.getOrDefault("LOCALAPPDATA", home + "\\AppData\\Local");
            return localAppData + "\\Roomwatch\\logs";
        }
        if (os.startsWith("mac")) {
            return home + "/Library/Logs/Roomwatch";
        }
        String state = environment.get("XDG_STATE_HOME");
        return (state == null || state.isBlank() ? home + "/.local/state" : state) + "/roomwatch/logs";
    }
}
