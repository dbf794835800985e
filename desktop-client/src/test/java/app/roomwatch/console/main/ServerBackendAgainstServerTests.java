package app.roomwatch.console.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roomwatch.console.api.ServerApi;
import app.roomwatch.console.api.StaffSession;
import app.roomwatch.console.testing.ServerProcess;
import app.roomwatch.model.api.ActiveGroupView;
import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.Person;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The views' server calls against the real server jar, with access tokens that expire within seconds. */
class ServerBackendAgainstServerTests {

    static final Duration AWAIT = Duration.ofSeconds(30);

    @TempDir
    static Path serverDir;

    static ServerProcess server;

    @BeforeAll
    static void startServer() {
        server = ServerProcess.start(serverDir, Map.of("roomwatch.auth.access-token-ttl", "2s"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void changingSupervisorsRenewsAnExpiredTokenLikeEveryOtherCall() throws Exception {
        StaffSession anna = signIn("anna");
        String benId = signIn("ben").staff().id();
        var backend = new ServerBackend(anna);
        ActiveGroupView annas = backend.activeGroups().stream()
                .filter(ActiveGroupView::supervisedByMe)
                .findFirst()
                .orElseThrow();
        String expired = anna.accessToken();
        await().atMost(AWAIT).until(() -> refused(anna, expired));

        backend.changeSupervisors(annas.id(), List.of(anna.staff().id(), benId));

        assertThat(anna.accessToken()).isNotEqualTo(expired);
        assertThat(backend.activeGroups())
                .filteredOn(group -> group.id().equals(annas.id()))
                .singleElement()
                .satisfies(group -> assertThat(group.supervisors())
                        .extracting(Person::id)
                        .containsExactlyInAnyOrder(anna.staff().id(), benId));
    }

    private static StaffSession signIn(String user) throws IOException {
        return StaffSession.login(ServerApi.at(server.baseUrl()), new LoginRequest("demo", user, "demo"));
    }

    /** Whether the server now refuses {@code token}, asked without the session, which would renew it. */
    private static boolean refused(StaffSession session, String token) throws IOException {
        Request request = new Request.Builder()
                .url(session.api().url("/api/me"))
                .header("Authorization", "Bearer " + token)
                .build();
        try (Response response = session.api().http().newCall(request).execute()) {
            return response.code() == 401;
        }
    }
}
