package app.roomwatch.server.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roomwatch.model.event.NotificationCreated;
import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.model.event.RoomOccupancyChanged;
import app.roomwatch.model.event.Topic;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A client that stops reading while its queue still has room: a frozen tab at a modest event rate, which the queue's
 * overflow would take minutes to notice. Its socket's small send buffer fills, a write waits, and the hub closes the
 * stream within two ping intervals of that, without touching the stream beside it.
 */
@TestPropertySource(
        properties = {
            "roomwatch.stream.ping-interval=1s",
            "roomwatch.stream.send-buffer=8KB",
            "roomwatch.stream.connects-per-minute=100000",
            "roomwatch.stream.max-streams-per-staff=1000"
        })
class StalledClientTests extends StreamTest {

    private static final Duration PING = Duration.ofSeconds(1);

    @Autowired
    StreamHub hub;

    @Autowired
    StreamMetrics metrics;

    @Test
    void aClientThatStopsReadingIsClosedWithinTwoPingIntervalsOfAWriteThatWaitsAndTheOtherStreamGoesOn()
            throws Exception {
        TestTenant tenant = tenants.create();
        double stalledBefore = metrics.stalledCloses();
        double overflowsBefore = metrics.overflowCloses();
        String body = "x".repeat(4 * 1024);
        try (Socket frozen = new Socket();
                SseClient healthy = live(token(tenant, "sup2"))) {
            frozen.setReceiveBufferSize(1024);
            frozen.connect(new InetSocketAddress("localhost", port));
            OutputStream request = frozen.getOutputStream();
            request.write(("GET /api/sse/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + token(tenant, "sup1") + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            InputStream response = frozen.getInputStream();
            byte[] head = new byte[12];
            assertThat(response.readNBytes(head, 0, 12)).isEqualTo(12);
            assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            // From here on the frozen client reads nothing. Forty events of 4 KiB are far more than its socket's
            // buffers hold, and far fewer than its queue (1,024): only the write timeout can close it.
            for (int i = 0; i < 40; i++) {
                events.append(
                        tenant.id(),
                        Topic.staff(tenant.sup1Id()),
                        new NotificationCreated(Integer.toString(i), NotificationPriority.INFO, "big", body, "k"));
            }
            long appended = System.nanoTime();
            await().atMost(PING.multipliedBy(2).plusMillis(500))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> hub.openStreams(tenant.id(), tenant.sup1Id()) == 0);
            assertThat(Duration.ofNanos(System.nanoTime() - appended)).isLessThan(PING.multipliedBy(2));
            assertThat(metrics.stalledCloses()).isEqualTo(stalledBefore + 1);
            assertThat(metrics.overflowCloses()).isEqualTo(overflowsBefore);
            assertThat(endOfStream(response))
                    .as("the frozen client's connection ended")
                    .isTrue();

            events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), null, 7));
            assertThat(healthy.events(1, Duration.ofSeconds(10)))
                    .extracting(
                            frame -> frame.json().get("data").get("occupancy").asInt())
                    .containsExactly(7);
            assertThat(hub.openStreams(tenant.id(), tenant.sup2Id())).isEqualTo(1);
        }
    }

    /** Thaws: reads what the server had sent until the connection ends (or it did not end within ten seconds). */
    private static boolean endOfStream(InputStream response) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        byte[] buffer = new byte[64 * 1024];
        try {
            while (System.nanoTime() < deadline) {
                if (response.read(buffer) < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketException e) {
            return true; // reset: the server dropped what the client never took
        }
    }
}
