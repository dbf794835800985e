package app.roomwatch.console.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CursorStoreTests {

    @TempDir
    Path dataDir;

    @Test
    void keepsTheLatestCursorAcrossInstances() {
        var file = dataDir.resolve("console").resolve("stream-cursor.txt");
        new CursorStore(file).save("81-1234");
        new CursorStore(file).save("82-1240");

        assertThat(new CursorStore(file).load()).contains("82-1240");
        assertThat(file.resolveSibling("stream-cursor.txt.tmp")).doesNotExist();
    }

    @Test
    void noFileOrAnEmptyOneMeansStartFresh() throws Exception {
        var file = dataDir.resolve("stream-cursor.txt");
        assertThat(new CursorStore(file).load()).isEmpty();

        Files.writeString(file, "  \n");
        assertThat(new CursorStore(file).load()).isEmpty();
    }
}
