package app.roomwatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleLogTests {

    @TempDir
    Path folder;

    @AfterEach
    void removeFileHandlers() {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            if (handler instanceof java.util.logging.FileHandler) {
                root.removeHandler(handler);
                handler.close();
            }
        }
    }

    @Test
    void whatTheConsoleLogsLandsInItsFileOneLineARecord() throws Exception {
        Path file = ConsoleLog.install(folder.resolve("logs"));

        Logger.getLogger("app.roomwatch.console.realtime").warning("Stream refused with 429; retrying in 30 s");
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.flush();
        }

        assertThat(file).isEqualTo(folder.resolve("logs/console-0.log"));
        assertThat(ConsoleLog.file()).contains(file);
        assertThat(Files.readAllLines(file))
                .anySatisfy(line -> assertThat(line)
                        .matches(
                                "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARNING .*realtime.*: Stream refused"
                                        + " with 429; retrying in 30 s"));
    }

    @Test
    void eachOperatingSystemKeepsItInItsOwnLogFolder() {
        assertThat(ConsoleLog.folderFor("Linux", Map.of(), "/home/anna"))
                .isEqualTo("/home/anna/.local/state/roomwatch/logs");
        assertThat(ConsoleLog.folderFor("Linux", Map.of("XDG_STATE_HOME", "/var/state/anna"), "/home/anna"))
                .isEqualTo("/var/state/anna/roomwatch/logs");
        assertThat(ConsoleLog.folderFor("Mac OS X", Map.of(), "/Users/anna"))
                .isEqualTo("/Users/anna/Library/Logs/Roomwatch");
        assertThat(ConsoleLog.folderFor(
                        "Windows 11", Map.of("LOCALAPPDATA", "C:\\Users\\anna\\AppData\\Local"), "C:\\Users\\anna"))
                .isEqualTo("C:\\Users\\anna\\AppData\\Local\\Roomwatch\\logs");
    }
}
