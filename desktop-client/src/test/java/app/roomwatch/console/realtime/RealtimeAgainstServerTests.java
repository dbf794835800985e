package app.roomwatch.console.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roomwatch.console.api.ServerApi;
import app.roomwatch.console.api.StaffSession;
import app.roomwatch.console.realtime.ConnectionState.Mode;
import app.roomwatch.console.testing.ServerProcess;
import app.roomwatch.console.testing.TcpProxy;
import app.roomwatch.model.api.AnnouncementRequest;
import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.event.EventEnvelope;
import app.roomwatch.model.event.EventPage;
import app.roomwatch.model.event.NotificationCreated;
import app.roomwatch.model.event.NotificationPriority;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against the real server jar on a random port, with every timing shortened: through a restart, a
 * stalled connection, a gateway refusing the stream and expiring tokens, the supervisor's console receives every
 * event exactly once, in the server's order. Access tokens live 4 s here, so every test also rides through
 * several token expiries.
 */
class RealtimeAgainstServerTests {

    static final Duration AWAIT = Duration.ofSeconds(60);
    static final RealtimeSettings FAST = new RealtimeSettings(
            Duration.ofMillis(200),
            Duration.ofSeconds(1),
            0.2,
            Duration.ofSeconds(5),
            Duration.ofSeconds(3),
            Duration.ofSeconds(1),
            3,
            500,
            Duration.ofMillis(100));

    @TempDir
    static Path serverDir;

    static ServerProcess server;

    @TempDir
    Path consoleDir;

    final List<EventEnvelope> received = new CopyOnWriteArrayList<>();
    final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    final List<AutoCloseable> closeAfter = new ArrayList<>();
    StaffSession poster;
    String prefix;
    int posted;

    @BeforeAll
    static void startServer() {
        server = ServerProcess.start(
                serverDir,
                Map.of(
                        "roomwatch.auth.access-token-ttl", "4s",
                        "roomwatch.stream.ping-interval", "1s",
                        "roomwatch.stream.connects-per-minute", "1000"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void signInThePoster(TestInfo test) throws IOException {
        poster = signIn(server.baseUrl(), "ben");
        prefix = test.getTestMethod().orElseThrow().getName() + " #";
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable closeable : closeAfter.reversed()) {
            closeable.close();
        }
    }

    @Test
    void aServerRestartMidStreamLosesAndRepeatsNothing() throws Exception {
        var anna = signIn(server.baseUrl(), "anna");
        String start = headCursor(anna);
        var client = connect(anna);

        announce(5);
        awaitAnnouncements(5);

        server.stop();
        await().atMost(AWAIT).until(() -> client.state().mode() != Mode.LIVE);
        server.start();
        announce(5);
        await().atMost(AWAIT).until(() -> client.state().mode() == Mode.LIVE);
        announce(5);

        awaitAnnouncements(15);
        assertReceivedExactlyWhatTheServerLogged(anna, start);
    }

    @Test
    void aStalledConnectionIsCaughtByTheWatchdogAndResumedWithNothingLost() throws Exception {
        try (var proxy = TcpProxy.to(server.port())) {
            var anna = signIn(proxy.baseUrl(), "anna");
            String start = headCursor(anna);
            var client = connect(anna);
            announce(3);
            awaitAnnouncements(3);

            proxy.stallOpenStreams();
            announce(3);

            awaitAnnouncements(6);
            assertThat(states).anySatisfy(state -> assertThat(state.reason()).contains("stale"));
            assertThat(client.state().mode()).isEqualTo(Mode.LIVE);
            assertReceivedExactlyWhatTheServerLogged(anna, start);
        }
    }

    @Test
    void aRefusedStreamFallsBackToPollingAndReturnsToLive() throws Exception {
        try (var proxy = TcpProxy.to(server.port())) {
            var anna = signIn(proxy.baseUrl(), "anna");
            String start = headCursor(anna);
            var client = connect(anna);
            announce(2);
            awaitAnnouncements(2);

            proxy.refuseStreams(true);
            await().atMost(AWAIT).until(() -> client.state().mode() == Mode.POLLING);
            assertThat(client.state().reason()).isEqualTo("Real-time updates unavailable, using polling");
            assertThat(proxy.refusedStreams()).isGreaterThanOrEqualTo(3);
            announce(3);
            awaitAnnouncements(5);
            assertThat(client.state().mode()).isEqualTo(Mode.POLLING);

            proxy.refuseStreams(false);
            await().atMost(AWAIT).until(() -> client.state().mode() == Mode.LIVE);
            announce(3);
            awaitAnnouncements(8);
            assertReceivedExactlyWhatTheServerLogged(anna, start);
        }
    }

    @Test
    void expiringTokensAreRenewedAndTheStreamResumesWithNothingLost() throws Exception {
        var anna = signIn(server.baseUrl(), "anna");
        String start = headCursor(anna);
        String firstToken = anna.accessToken();
        var client = connect(anna);

        List<String> tokens = new CopyOnWriteArrayList<>(List.of(firstToken));
        for (int round = 0; round < 3; round++) {
            announce(2);
            // Wait out a token lifetime: the server ends the stream, the client renews and resumes.
            await().atMost(AWAIT).until(() -> !anna.accessToken().equals(tokens.getLast()));
            tokens.add(anna.accessToken());
        }
        announce(2);

        awaitAnnouncements(8);
        assertThat(tokens).doesNotHaveDuplicates().hasSize(4);
        await().atMost(AWAIT).until(() -> client.state().mode() == Mode.LIVE);
        assertReceivedExactlyWhatTheServerLogged(anna, start);
    }

    private SseRealtimeClient connect(StaffSession session) {
        var client = SseRealtimeClient.create(session, consoleDir, FAST);
        closeAfter.add(client);
        client.subscribe(NotificationCreated.TYPE, received::add);
        client.onStateChange(states::add);
        client.connect();
        await().atMost(AWAIT).until(() -> client.state().mode() == Mode.LIVE);
        return client;
    }

    private static StaffSession signIn(String baseUrl, String username) throws IOException {
        return StaffSession.login(ServerApi.at(baseUrl), new LoginRequest("demo", username, "demo"));
    }

    /** Tenant-wide announcements: each gives every staff member, the console's user too, one notification. */
    private void announce(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            posted++;
            poster.post(
                    "/api/announcements",
                    new AnnouncementRequest(prefix + posted, "Test announcement", NotificationPriority.INFO, null));
        }
    }

    /** An announcement of the running test (the log also holds other tests' and the server's own). */
    private boolean ours(EventEnvelope event) {
        return event.data() instanceof NotificationCreated created
                && created.title().startsWith(prefix);
    }

    private List<String> ourTitles() {
        return received.stream()
                .filter(this::ours)
                .map(event -> ((NotificationCreated) event.data()).title())
                .toList();
    }

    private void awaitAnnouncements(int count) {
        await().atMost(AWAIT).until(() -> ourTitles().size() >= count);
        assertThat(ourTitles())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, count)
                        .mapToObj(n -> prefix + n)
                        .toList());
    }

    /** Where the user's log ends now: the events of the test are those after it. */
    private static String headCursor(StaffSession session) throws IOException {
        String cursor = null;
        EventPage page;
        do {
            page = session.get(events(session, cursor), EventPage.class);
            cursor = page.cursor();
        } while (page.events().size() == 500);
        return cursor;
    }

    private void assertReceivedExactlyWhatTheServerLogged(StaffSession session, String start) throws IOException {
        List<String> logged = new ArrayList<>();
        String cursor = start;
        EventPage page;
        do {
            page = session.get(events(session, cursor), EventPage.class);
            page.events().stream().filter(this::ours).forEach(e -> logged.add(e.id()));
            cursor = page.cursor();
        } while (page.events().size() == 500);
        assertThat(logged).hasSize(posted);
        assertThat(received.stream().filter(this::ours).map(EventEnvelope::id).toList())
                .containsExactlyElementsOf(logged);
    }

    private static HttpUrl events(StaffSession session, String after) {
        var url = session.api().url("/api/events").newBuilder().addQueryParameter("limit", "500");
        if (after != null) {
            url.addQueryParameter("after", after);
        }
        return url.build();
    }
}
