package app.roomwatch.server.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roomwatch.model.event.NotificationCreated;
import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.model.event.RoomOccupancyChanged;
import app.roomwatch.model.event.Topic;
import app.roomwatch.server.testing.RawHttp;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Live events reach a caught-up stream from the hub's dispatcher itself, and a stream moves between that and its
 * queue as its client slows down and speeds up, without losing, repeating or reordering an event. A small send
 * buffer makes a slow client's writes wait; a large queue and write timeout keep it open through its slow spells.
 */
@TestPropertySource(
        properties = {
            "roomwatch.stream.queue-capacity=100000",
            "roomwatch.stream.send-buffer=8KB",
            "roomwatch.stream.write-timeout=60s",
            "roomwatch.stream.connects-per-minute=100000",
            "roomwatch.stream.max-streams-per-staff=1000"
        })
class DirectWritingTests extends StreamTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    StreamMetrics metrics;

    @Test
    void aCaughtUpStreamGetsLiveEventsWrittenByTheHubsDispatcherAndCountedForOperators() {
        TestTenant tenant = tenants.create();
        try (SseClient client = live(token(tenant, "sup1"))) {
            double direct = metric("roomwatch_stream_deliveries_direct_total");
            double delivered = metric("roomwatch_stream_deliveries_total");
            // The first event may still meet the stream's replay (it reads the log up to where it joined); after it,
            // the stream is live and caught up.
            events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), null, 0));
            client.events(1, WAIT);

            for (int i = 1; i <= 20; i++) {
                events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), null, i));
                assertThat(client.events(1, WAIT))
                        .extracting(frame ->
                                frame.json().get("data").get("occupancy").asInt())
                        .containsExactly(i);
            }

            // Counted just after the write, so the client may have the last event a moment before the count.
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(metric("roomwatch_stream_deliveries_total")).isEqualTo(delivered + 21);
                assertThat(metric("roomwatch_stream_deliveries_direct_total")).isBetween(direct + 20, direct + 21);
            });
        }
    }

    @Test
    void eventsThatCameWhileTheHubWasHeldBackGoToEachCaughtUpStreamInOneWrite() throws Exception {
        TestTenant tenant = tenants.create();
        try (SseClient first = live(token(tenant, "sup1"));
                SseClient second = live(token(tenant, "sup1"));
                Connection idle = dataSource.getConnection()) {
            events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), null, 0));
            first.events(1, WAIT);
            second.events(1, WAIT);

            // An idle transaction with a transaction id holds the hub's read fence back: what commits meanwhile
            // reaches the hub in one read once it ends.
            idle.setAutoCommit(false);
            try (Statement statement = idle.createStatement()) {
                statement.execute("SELECT pg_current_xact_id()");
            }
            for (int i = 1; i <= 5; i++) {
                events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), null, i));
            }
            await().atMost(WAIT).until(() -> metric("roomwatch_stream_hub_behind_events") >= 5);
            double writes = metric("roomwatch_stream_writes_total");
            double direct = metric("roomwatch_stream_deliveries_direct_total");

            idle.rollback();
            for (SseClient client : List.of(first, second)) {
                assertThat(client.events(5, WAIT))
                        .extracting(frame ->
                                frame.json().get("data").get("occupancy").asInt())
                        .containsExactly(1, 2, 3, 4, 5);
            }
            // Counted just after the write, so the client may have the events a moment before the count.
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(metric("roomwatch_stream_deliveries_direct_total") - direct)
                            .isEqualTo(10));
            assertThat(metric("roomwatch_stream_writes_total") - writes)
                    .as("one write per stream")
                    .isEqualTo(2);
        }
    }

    @Test
    void aClientThatReadsSlowlyThenFastWhileEventsFlowGetsEveryCursorOnceAndInOrder() throws Exception {
        TestTenant tenant = tenants.create();
        String token = token(tenant, "sup1");
        String start =
                api().bearer(token).get("/api/events").json().get("cursor").asString();
        // Some to replay, so that the stream also goes from its replay to live while events flow.
        for (int i = 0; i < 50; i++) {
            append(tenant, i);
        }
        double direct = metric("roomwatch_stream_deliveries_direct_total");
        double delivered = metric("roomwatch_stream_deliveries_total");
        double closes =
                metric("roomwatch_stream_overflow_closes_total") + metric("roomwatch_stream_stalled_closes_total");

        AtomicBoolean writing = new AtomicBoolean(true);
        try (Socket socket = new Socket()) {
            // The socket's own receive buffer, not a tiny one: below the loopback's segment size TCP itself crawls
            // (the sender waits for window probes), which would measure the kernel, not the stream.
            socket.connect(new InetSocketAddress("localhost", port));
            OutputStream request = socket.getOutputStream();
            request.write(("GET /api/sse/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                            + "\r\nLast-Event-ID: " + start + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            var reader = new SlowThenFastReader(socket.getInputStream(), writing);
            Thread readerThread = Thread.ofVirtual().name("slow-then-fast").start(reader);

            // Events flow for four seconds, a transaction of one to four every few milliseconds, while the client
            // alternates between reading slowly (its socket and the server's fill, writes wait, events queue) and fast
            // (it catches up, and the dispatcher writes again while events still flow).
            long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            int next = 50;
            while (System.nanoTime() < until) {
                int first = next;
                int count = 1 + (next % 4);
                transactions.executeWithoutResult(status -> {
                    for (int i = first; i < first + count; i++) {
                        appendInTransaction(tenant, i);
                    }
                });
                next += count;
                Thread.sleep(Duration.ofMillis(3));
            }
            writing.set(false);

            List<String> expected = committed(tenant, start);
            assertThat(expected).hasSizeGreaterThan(200);
            // Until all have come, or the stream ended (which fails below).
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.ids.size() >= expected.size() || reader.ended);
            assertThat(reader.ids).containsExactlyElementsOf(expected);
            assertThat(reader.slowReads).as("reads while slow").isPositive();

            double directNow = metric("roomwatch_stream_deliveries_direct_total") - direct;
            double queuedNow = metric("roomwatch_stream_deliveries_total") - delivered - directNow;
            assertThat(directNow).as("live events the dispatcher wrote itself").isPositive();
            assertThat(queuedNow)
                    .as("live events written from the stream's queue")
                    .isPositive();
            assertThat(metric("roomwatch_stream_overflow_closes_total")
                            + metric("roomwatch_stream_stalled_closes_total"))
                    .isEqualTo(closes);
            socket.close();
            readerThread.join(WAIT);
        }
    }

    private void append(TestTenant tenant, int i) {
        transactions.executeWithoutResult(status -> appendInTransaction(tenant, i));
    }

    /** Every fifth event goes to the whole tenant, the others to the supervisor alone, about 2 KiB each. */
    private void appendInTransaction(TestTenant tenant, int i) {
        if (i % 5 == 0) {
            eventLog.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), null, i));
        } else {
            eventLog.append(
                    tenant.id(),
                    Topic.staff(tenant.sup1Id()),
                    new NotificationCreated(
                            Integer.toString(i), NotificationPriority.INFO, "n", "x".repeat(2000), "k"));
        }
    }

    private List<String> committed(TestTenant tenant, String after) {
        String[] parts = after.split("-");
        return jdbc.sql("SELECT tx_id::text || '-' || id FROM event WHERE tenant_id = :tenant"
                        + " AND (tx_id, id) > (CAST(:tx AS xid8), :id) AND topic IN ('tenant', :sup1)"
                        + " ORDER BY tx_id, id")
                .param("tenant", tenant.id())
                .param("tx", parts[0])
                .param("id", Long.parseLong(parts[1]))
                .param("sup1", Topic.staff(tenant.sup1Id()))
                .query(String.class)
                .list();
    }

    private double metric(String name) {
        return management()
                .get("/actuator/prometheus")
                .body()
                .lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .reduce(Double::sum)
                .orElse(Double.NaN);
    }

    /**
     * Reads the SSE response from a socket, a few hundred bytes at a time with a pause after each while the
     * events flow, in spells of 0.8 s slow and 0.4 s fast; then fast. Keeps every event id it sees.
     */
    private static final class SlowThenFastReader implements Runnable {

        final List<String> ids = new CopyOnWriteArrayList<>();
        volatile int slowReads;
        volatile boolean ended;
        private final InputStream in;
        private final AtomicBoolean writing;
        private final long startedAt = System.nanoTime();

        SlowThenFastReader(InputStream in, AtomicBoolean writing) {
            this.in = in;
            this.writing = writing;
        }

        @Override
        public void run() {
            try {
                String status = line();
                if (status == null || !status.startsWith("HTTP/1.1 200")) {
                    throw new AssertionError("stream refused: " + status);
                }
                boolean chunked = false;
                for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                    chunked |= header.equalsIgnoreCase("Transfer-Encoding: chunked");
                }
                var frames = new StringBuilder();
                if (chunked) {
                    for (int size = Integer.parseInt(line().strip(), 16);
                            size > 0;
                            size = Integer.parseInt(line().strip(), 16)) {
                        take(frames, read(size, true));
                        line();
                    }
                } else {
                    // The stream says "Connection: close", so its body simply runs until the connection ends.
                    while (true) {
                        take(frames, read(1, false));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The stream ended, or the test closed the socket.
            } finally {
                ended = true;
            }
        }

        private void take(StringBuilder frames, byte[] bytes) {
            frames.append(new String(bytes, StandardCharsets.ISO_8859_1));
            int end;
            while ((end = frames.indexOf("\n\n")) >= 0) {
                String frame = frames.substring(0, end);
                frames.delete(0, end + 2);
                frame.lines().filter(l -> l.startsWith("id: ")).forEach(l -> ids.add(l.substring(4)));
            }
        }

        private boolean slow() {
            long inCycle =
                    (System.nanoTime() - startedAt) % Duration.ofMillis(1200).toNanos();
            return writing.get() && inCycle < Duration.ofMillis(800).toNanos();
        }

        /** At least {@code size} bytes, or exactly that many, slowly or fast. */
        private byte[] read(int size, boolean exact) throws IOException {
            var bytes = new ByteArrayOutputStream(size);
            byte[] buffer = new byte[8192];
            while (bytes.size() < size) {
                boolean slow = slow();
                int most = slow ? 256 : buffer.length;
                int read = in.read(buffer, 0, exact ? Math.min(most, size - bytes.size()) : most);
                if (read < 0) {
                    throw new IOException("the stream ended");
                }
                bytes.write(buffer, 0, read);
                if (slow) {
                    slowReads++;
                    sleep(Duration.ofMillis(4));
                }
            }
            return bytes.toByteArray();
        }

        private String line() throws IOException {
            return RawHttp.line(in);
        }

        private static void sleep(Duration duration) {
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
