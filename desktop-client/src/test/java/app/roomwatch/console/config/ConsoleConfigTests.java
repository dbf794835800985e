package app.roomwatch.console.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ConsoleConfigTests {

    @Test
    void serverUrlKeepsAProxyPathButNotTheTrailingSlash() {
        assertThat(ConsoleConfig.parseServerUrl(" https://school.example/roomwatch/ "))
                .isEqualTo(URI.create("https://school.example/roomwatch"));
        assertThat(ConsoleConfig.parseServerUrl("http://10.0.0.5:8080")).isEqualTo(URI.create("http://10.0.0.5:8080"));
    }

    @Test
    void serverUrlMustBeHttpWithAHost() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ConsoleConfig.parseServerUrl("ftp://school.example"))
                .withMessageContaining("is not an http:// or https:// address");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ConsoleConfig.parseServerUrl("https:///roomwatch"))
                .withMessageContaining("names no server host");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ConsoleConfig.parseServerUrl("https://school example"))
                .withMessageContaining("is not a valid address");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ConsoleConfig.parseServerUrl("https://school.example/?x=1"))
                .withMessageContaining("must not contain");
    }
}
