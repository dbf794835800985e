package app.roomwatch.console.version;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.version.ProductVersion;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerVersionCheckTests {

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient http =
            new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void consoleOlderThanTheServersMinimumGetsABanner() throws InterruptedException {
        answer(200, "{\"serverVersion\":\"0.12.0\",\"minimumConsoleVersion\":\"0.10.0\"}");

        ServerVersionCheck.Outcome outcome = check("0.9.0");

        assertThat(outcome).isInstanceOf(ServerVersionCheck.ConsoleTooOld.class);
        assertThat(outcome.banner())
                .hasValueSatisfying(text -> assertThat(text)
                        .startsWith("This console is older than the server supports")
                        .contains("console 0.9.0", "server 0.12.0 needs 0.10.0 or newer"));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/roomwatch/api/version");
    }

    @Test
    void consoleAtOrAboveTheMinimumGetsNone() {
        answer(200, "{\"serverVersion\":\"0.12.0\",\"minimumConsoleVersion\":\"0.10.0\"}");
        answer(200, "{\"serverVersion\":\"0.12.0\",\"minimumConsoleVersion\":\"0.10.0\"}");

        assertThat(check("0.10.0")).isInstanceOf(ServerVersionCheck.Supported.class);
        assertThat(check("0.11.0-SNAPSHOT").banner()).isEmpty();
    }

    @Test
    void snapshotOfTheMinimumIsStillTooOld() {
        answer(200, "{\"serverVersion\":\"0.10.0\",\"minimumConsoleVersion\":\"0.10.0\"}");

        assertThat(check("0.10.0-SNAPSHOT")).isInstanceOf(ServerVersionCheck.ConsoleTooOld.class);
    }

    @Test
    void serverWithoutTheEndpointOrWithNonsenseLeavesItUndecided() {
        answer(404, "{\"status\":404}");
        answer(200, "<html>proxy login</html>");
        answer(200, "{\"serverVersion\":\"0.12.0\",\"minimumConsoleVersion\":\"soon\"}");

        for (int i = 0; i < 3; i++) {
            ServerVersionCheck.Outcome outcome = check("0.1.0");
            assertThat(outcome).isInstanceOf(ServerVersionCheck.Undecided.class);
            assertThat(outcome.banner()).isEmpty();
        }
    }

    @Test
    void unreachableServerLeavesItUndecided() {
        URI nobody = URI.create("http://127.0.0.1:" + server.getPort());
        server.close();

        ServerVersionCheck.Outcome outcome =
                new ServerVersionCheck(http, nobody, Optional.of(ProductVersion.parse("0.1.0"))).check();

        assertThat(outcome).isInstanceOf(ServerVersionCheck.Undecided.class);
        assertThat(((ServerVersionCheck.Undecided) outcome).reason()).contains("/api/version");
    }

    @Test
    void consoleThatDoesNotKnowItsVersionDoesNotAsk() {
        ServerVersionCheck.Outcome outcome = new ServerVersionCheck(http, baseUrl(), Optional.empty()).check();

        assertThat(outcome).isInstanceOf(ServerVersionCheck.Undecided.class);
        assertThat(server.getRequestCount()).isZero();
    }

    private ServerVersionCheck.Outcome check(String consoleVersion) {
        return new ServerVersionCheck(http, baseUrl(), Optional.of(ProductVersion.parse(consoleVersion))).check();
    }

    private URI baseUrl() {
        // A server behind a reverse proxy path: the check must keep it.
        return URI.create(server.url("/roomwatch").toString());
    }

    private void answer(int code, String body) {
        server.enqueue(new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build());
    }
}
