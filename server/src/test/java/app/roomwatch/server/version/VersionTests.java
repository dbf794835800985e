package app.roomwatch.server.version;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.version.ProductVersion;
import app.roomwatch.server.testing.ServerTest;
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
        assertThat(ProductVersion.parse(thisBuild))
                .as("console %s against minimum %s", thisBuild, minimum)
                .isGreaterThanOrEqualTo(ProductVersion.parse(minimum));
        assertThat(minimum).isEqualTo("0.0.0");
    }
}
