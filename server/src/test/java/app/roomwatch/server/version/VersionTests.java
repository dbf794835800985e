package app.roomwatch.server.version;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.server.testing.ServerTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class VersionTests extends ServerTest {

    /**
     * Consoles built from this tree carry the server's own version (one reactor version, a {@code -SNAPSHOT} while
     * developing), so the default minimum must not sort above it, or every development and demo console would show
     * a false "console too old" banner.
     */
    @Test
    void theDefaultMinimumDoesNotFlagAConsoleOfThisBuild() {
        JsonNode version = api().get("/api/version").json();
        String thisBuild = version.get("serverVersion").asString();
        String minimum = version.get("minimumConsoleVersion").asString();
        assertThat(thisBuild).matches("\\d+(\\.\\d+)*(-[0-9A-Za-z.-]+)?");
        assertThat(compare(thisBuild, minimum))
                .as("console %s against minimum %s", thisBuild, minimum)
                .isGreaterThanOrEqualTo(0);
        assertThat(minimum).isEqualTo("0.0.0");
    }

    /** The console's ordering: numbers as numbers, and a pre-release before its release. */
    private static int compare(String a, String b) {
        List<Integer> left = numbers(a);
        List<Integer> right = numbers(b);
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            int byNumber = Integer.compare(i < left.size() ? left.get(i) : 0, i < right.size() ? right.get(i) : 0);
            if (byNumber != 0) {
                return byNumber;
            }
        }
        return Boolean.compare(!a.contains("-"), !b.contains("-"));
    }

    private static List<Integer> numbers(String version) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : version.split("-", 2)[0].split("\\.")) {
            numbers.add(Integer.parseInt(part));
        }
        return numbers;
    }
}
