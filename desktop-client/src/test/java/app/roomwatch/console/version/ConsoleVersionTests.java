package app.roomwatch.console.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleVersionTests {

    @Test
    void buildWritesThisConsolesVersionIntoItsResources() {
        assertThat(ConsoleVersion.current())
                .as("console-version.properties, filtered by the build")
                .hasValueSatisfying(version -> assertThat(version.numbers()).isNotEmpty());
    }
}
