package app.roomwatch.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roomwatch.model.api.LoginRequest;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Where the console sends its calls: always below the server address an admin or user configured. */
class ServerApiTests {

    @Test
    void pathsStayBelowTheServersBaseAddress() {
        assertThat(ServerApi.at("http://school.example:8080").url("/api/rooms"))
                .hasToString("http://school.example:8080/api/rooms");
        assertThat(ServerApi.at("https://school.example/roomwatch").url("/api/rooms"))
                .hasToString("https://school.example/roomwatch/api/rooms");
        assertThat(ServerApi.at("https://school.example/roomwatch/").url("/api/events?after=1-2&limit=50"))
                .hasToString("https://school.example/roomwatch/api/events?after=1-2&limit=50");
    }

    @Test
    void aServerBehindAPathPrefixIsAskedThere() throws Exception {
        try (var web = new MockWebServer()) {
            web.enqueue(new MockResponse.Builder()
                    .code(401)
                    .addHeader("Content-Type", "application/problem+json")
                    .body("{\"status\":401,\"detail\":\"Wrong user name or password\"}")
                    .build());
            web.start();
            var api = new ServerApi(web.url("/roomwatch"), new OkHttpClient());

            assertThatThrownBy(() -> api.login(new LoginRequest("demo", "anna", "wrong")))
                    .hasMessageContaining("Wrong user name or password");
            assertThat(web.takeRequest().getUrl().encodedPath()).isEqualTo("/roomwatch/api/auth/login");
        }
    }
}
