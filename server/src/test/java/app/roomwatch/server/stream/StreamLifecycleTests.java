package app.roomwatch.server.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roomwatch.model.api.RefreshRequest;
import app.roomwatch.model.api.StaffRole;
import app.roomwatch.model.api.TokenResponse;
import app.roomwatch.model.event.RoomOccupancyChanged;
import app.roomwatch.model.event.Topic;
import app.roomwatch.server.auth.SessionControl;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * When streams end: token expiry, logout, a disabled account, a changed role, a vanished client; and the per-staff
 * limits.
 */
class StreamLifecycleTests extends StreamTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    StreamHub hub;

    @Autowired
    SessionControl sessionControl;

    @Autowired
    WebServerApplicationContext server;

    @Test
    void endsTheStreamWhenItsAccessTokenExpires() {
        TestTenant tenant = tenants.create();
        try (SseClient client = live(token(tenant, "sup1"))) {
            clock.advance(Duration.ofMinutes(14));
            events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), null, 1));
            assertThat(client.events(1, WAIT)).hasSize(1);

            clock.advance(Duration.ofMinutes(1));
            client.awaitEnd(WAIT);
            assertThat(hub.openStreams(tenant.id(), tenant.sup1Id())).isZero();
        }
    }

    @Test
    void logoutEndsThatSessionsStreamsOnlyAndItsTokenCanNotOpenNewOnes() {
        TestTenant tenant = tenants.create();
        TokenResponse first = login(tenant, "sup1");
        TokenResponse second = login(tenant, "sup1");
        try (SseClient ending = live(first.accessToken());
                SseClient staying = live(second.accessToken())) {
            assertThat(api().post("/api/auth/logout", new RefreshRequest(first.refreshToken()))
                            .status())
                    .isEqualTo(204);

            ending.awaitEnd(WAIT);
            events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), null, 1));
            assertThat(staying.events(1, WAIT)).hasSize(1);
        }
        try (SseClient again = stream(first.accessToken())) {
            assertThat(again.status()).isEqualTo(401);
        }
    }

    @Test
    void disablingAnAccountEndsAllItsStreamsAndRefusesNewOnes() {
        TestTenant tenant = tenants.create();
        String token = token(tenant, "sup1");
        try (SseClient one = live(token);
                SseClient two = live(token(tenant, "sup1"));
                SseClient colleague = live(token(tenant, "sup2"))) {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("UPDATE staff SET enabled = false WHERE id = :id")
                        .param("id", Long.parseLong(tenant.sup1Id()))
                        .update();
                sessionControl.sessionsEnded(tenant.id(), Long.parseLong(tenant.sup1Id()), null, "disabled");
            });

            one.awaitEnd(WAIT);
            two.awaitEnd(WAIT);
            events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), null, 1));
            assertThat(colleague.events(1, WAIT)).hasSize(1);
        }
        try (SseClient again = stream(token)) {
            assertThat(again.status()).isEqualTo(403);
            assertThat(again.body()).contains("disabled");
        }
    }

    @Test
    void demotingAnAdminEndsTheirStreamsAndTheOldTokenCanNotOpenNewOnes() {
        TestTenant tenant = tenants.create();
        String secondId = createStaff(tenant, "admin2", StaffRole.ADMIN);
        String token = token(tenant, "admin2");
        try (SseClient stream = live(token)) {
            assertThat(changeRole(tenant, secondId, "admin2", StaffRole.SUPERVISOR)
                            .status())
                    .isEqualTo(200);
            stream.awaitEnd(WAIT);
        }
        try (SseClient again = stream(token)) {
            assertThat(again.status()).isEqualTo(401);
            assertThat(again.body()).contains("role has changed");
        }
        try (SseClient renewed = live(token(tenant, "admin2"))) {
            assertThat(renewed.status()).isEqualTo(200);
        }
    }

    @Test
    void theListeningSocketHasRoomForEveryConsoleReconnectingAtOnce() {
        var jetty = ((JettyWebServer) server.getWebServer()).getServer();
        assertThat(jetty.getConnectors())
                .filteredOn(ServerConnector.class::isInstance)
                .isNotEmpty()
                .allSatisfy(connector -> assertThat(((ServerConnector) connector).getAcceptQueueSize())
                        .isEqualTo(4096));
    }

    @Test
    void pingsEveryIntervalAndReleasesAConnectionWhoseClientIsGone() {
        TestTenant tenant = tenants.create();
        SseClient client = live(token(tenant, "sup1"));
        clock.advance(Duration.ofSeconds(30));
        Instant due = clock.instant();
        SseClient.Frame ping = client.until(frame -> frame.event().equals("ping"), WAIT);
        assertThat(ping.id()).isNull();
        assertThat(Instant.parse(ping.json().get("serverTime").asString())).isEqualTo(due);

        client.close();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(1100)).until(() -> {
            // Each step is one ping interval: a write to the closed connection fails and releases it.
            clock.advance(Duration.ofSeconds(30));
            return hub.openStreams(tenant.id(), tenant.sup1Id()) == 0;
        });
    }

    @Test
    void refusesASixthOpenStreamAndAnEleventhConnectInAMinuteWith429() {
        TestTenant tenant = tenants.create();
        String token = token(tenant, "sup1");
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                open.add(live(token));
            }
            for (int attempt = 6; attempt <= 10; attempt++) {
                try (SseClient refused = stream(token)) {
                    assertThat(refused.status()).isEqualTo(429);
                    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(refused.body()).contains("5 streams");
                    assertThat(refused.header("Retry-After")).isNotBlank();
                }
            }
            try (SseClient refused = stream(token)) {
                assertThat(refused.status()).isEqualTo(429);
                assertThat(refused.body()).contains("10 stream connections a minute");
                assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
            }
            clock.advance(Duration.ofSeconds(61));
            try (SseClient refused = stream(token)) {
                assertThat(refused.body()).contains("5 streams");
            }
            try (SseClient colleague = stream(token(tenant, "sup2"))) {
                assertThat(colleague.status()).isEqualTo(200);
            }
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    void aStreamsSlotIsFreedTheMomentItsClientClosesTheConnection() throws Exception {
        TestTenant tenant = tenants.create();
        String token = token(tenant, "sup1");
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                open.add(rawStream(token));
            }
            assertThat(hub.openStreams(tenant.id(), tenant.sup1Id())).isEqualTo(5);
            try (SseClient refused = stream(token)) {
                assertThat(refused.status()).isEqualTo(429);
            }

            open.removeFirst().close();
            // The test clock stands still, so no ping is written: only the closed connection itself frees the slot.
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> hub.openStreams(tenant.id(), tenant.sup1Id()) == 4
                            && jdbc.sql("SELECT count(*) FROM stream_slot WHERE tenant_id = :tenant")
                                            .param("tenant", tenant.id())
                                            .query(Long.class)
                                            .single()
                                    == 4);
            try (SseClient again = stream(token)) {
                assertThat(again.status()).isEqualTo(200);
            }
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
        }
    }

    /** A stream on a plain socket, read up to the end of its headers: closing the socket is the client going. */
    private Socket rawStream(String token) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.getOutputStream()
                .write(("GET /api/sse/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                                + "Authorization: Bearer " + token + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        var head = new StringBuilder();
        InputStream in = socket.getInputStream();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("stream closed before its headers: " + head);
            }
            head.append((char) b);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 200").containsIgnoringCase("Connection: close");
        return socket;
    }
}
