package app.roomwatch.server.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roomwatch.model.event.NotificationCreated;
import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.model.event.RoomOccupancyChanged;
import app.roomwatch.model.event.Topic;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The stream under concurrency and pressure: transactions that commit out of id order, readers that reconnect at
 * random moments, and a client that stops reading. Small queues make overflow closes part of the run.
 */
@TestPropertySource(
        properties = {
            "roomwatch.stream.queue-capacity=64",
            "roomwatch.stream.connects-per-minute=100000",
            "roomwatch.stream.max-streams-per-staff=1000"
        })
class StreamUnderLoadTests extends StreamTest {

    static final int WRITERS = 8;
    static final int TRANSACTIONS_PER_WRITER = 30;

    @Autowired
    StreamHub hub;

    @Autowired
    StreamMetrics metrics;

    @Test
    void readersReconnectingAtRandomReceiveExactlyTheCommittedEventsOfTheirScopeInCursorOrder() throws Exception {
        TestTenant tenant = tenants.create();
        String group = events.startGroup(tenant, tenant.bigRoomId(), tenant.sup1Id());
        String otherGroup = events.startGroup(tenant, tenant.smallRoomId(), tenant.sup2Id());
        String start = api().bearer(token(tenant, "sup1"))
                .get("/api/events")
                .json()
                .get("cursor")
                .asString();

        AtomicBoolean stop = new AtomicBoolean();
        List<Reader> readers = List.of(
                new Reader(token(tenant, "sup1"), start, stop),
                new Reader(token(tenant, "sup2"), start, stop),
                new Reader(token(tenant, "admin"), start, stop));
        readers.forEach(reader -> Thread.ofVirtual().start(reader));

        try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                done.add(writers.submit(() -> write(tenant, group, otherGroup)));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        }

        List<String> forSup1 = committed(tenant, start, "topic IN ('tenant', :sup1, :group)");
        List<String> forSup2 = committed(tenant, start, "topic IN ('tenant', :sup2, :other)");
        List<String> forAdmin =
                committed(tenant, start, "(topic IN ('tenant', :admin) OR topic LIKE 'active-group:%')");
        assertThat(forSup1).hasSizeGreaterThan(WRITERS * TRANSACTIONS_PER_WRITER / 3);
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> readers.get(0).received.size() >= forSup1.size()
                            && readers.get(1).received.size() >= forSup2.size()
                            && readers.get(2).received.size() >= forAdmin.size());
        } finally {
            stop.set(true);
        }
        assertThat(readers.get(0).received).containsExactlyElementsOf(forSup1);
        assertThat(readers.get(1).received).containsExactlyElementsOf(forSup2);
        assertThat(readers.get(2).received).containsExactlyElementsOf(forAdmin);
        assertThat(readers).allSatisfy(reader -> assertThat(reader.connects).isGreaterThan(3));
    }

    /** Transactions of one to three events; some stay open a while after writing, some roll back. */
    private void write(TestTenant tenant, String group, String otherGroup) {
        var random = ThreadLocalRandom.current();
        for (int t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
            transactions.executeWithoutResult(status -> {
                int count = 1 + random.nextInt(3);
                for (int e = 0; e < count; e++) {
                    switch (random.nextInt(5)) {
                        case 0 -> events.checkIn(tenant, group, random.nextInt(5));
                        case 1 -> events.checkIn(tenant, otherGroup, random.nextInt(5));
                        case 2 ->
                            eventLog.append(
                                    tenant.id(),
                                    Topic.staff(tenant.sup2Id()),
                                    new NotificationCreated("1", NotificationPriority.INFO, "t", "b", "k"));
                        default ->
                            eventLog.append(
                                    tenant.id(),
                                    Topic.TENANT,
                                    new RoomOccupancyChanged(tenant.bigRoomId(), group, random.nextInt(20)));
                    }
                }
                if (random.nextInt(4) == 0) {
                    // Holds the transaction open after its rows got their ids: later ids commit first.
                    jdbc.sql("SELECT pg_sleep(:seconds)")
                            .param("seconds", random.nextInt(5, 60) / 1000.0)
                            .query((rs, n) -> 1)
                            .list();
                }
                if (random.nextInt(10) == 0) {
                    status.setRollbackOnly();
                }
            });
        }
    }

    private List<String> committed(TestTenant tenant, String after, String scope) {
        String[] parts = after.split("-");
        return jdbc.sql("SELECT tx_id::text || '-' || id FROM event WHERE tenant_id = :tenant"
                        + " AND (tx_id, id) > (CAST(:tx AS xid8), :id) AND " + scope + " ORDER BY tx_id, id")
                .param("tenant", tenant.id())
                .param("tx", parts[0])
                .param("id", Long.parseLong(parts[1]))
                .param("sup1", Topic.staff(tenant.sup1Id()))
                .param("sup2", Topic.staff(tenant.sup2Id()))
                .param("admin", Topic.staff(tenant.adminId()))
                .param(
                        "group",
                        Topic.activeGroup(tenant.studentIds().isEmpty() ? "" : groupOf(tenant, tenant.sup1Id())))
                .param("other", Topic.activeGroup(groupOf(tenant, tenant.sup2Id())))
                .query(String.class)
                .list();
    }

    private String groupOf(TestTenant tenant, String supervisor) {
        return jdbc.sql("SELECT active_group_id::text FROM active_group_supervisor WHERE staff_id = :staff")
                .param("staff", Long.parseLong(supervisor))
                .query(String.class)
                .single();
    }

    /** Reads a few events, hangs up, resumes with Last-Event-ID; again and again until stopped. */
    private final class Reader implements Runnable {

        final List<String> received = new CopyOnWriteArrayList<>();
        final String token;
        final AtomicBoolean stop;
        volatile int connects;
        String cursor;

        Reader(String token, String start, AtomicBoolean stop) {
            this.token = token;
            this.cursor = start;
            this.stop = stop;
        }

        @Override
        public void run() {
            var random = ThreadLocalRandom.current();
            while (!stop.get()) {
                try (SseClient client = stream(token, cursor)) {
                    connects++;
                    int take = 1 + random.nextInt(15);
                    while (take > 0 && !stop.get()) {
                        SseClient.Frame frame = client.poll(Duration.ofMillis(200));
                        if (frame == null || frame.isEnd()) {
                            break;
                        }
                        if (frame.id() != null) {
                            received.add(frame.id());
                            cursor = frame.id();
                            take--;
                        }
                    }
                }
            }
        }
    }

    @Test
    void aClientThatStopsReadingIsClosedAndCountedWhileAnotherKeepsReceiving() throws Exception {
        TestTenant tenant = tenants.create();
        double overflowsBefore = metrics.overflowCloses();
        String body = "x".repeat(32 * 1024);
        try (Socket stalled = new Socket();
                SseClient healthy = live(token(tenant, "sup2"))) {
            stalled.setReceiveBufferSize(1024);
            stalled.connect(new java.net.InetSocketAddress("localhost", port));
            OutputStream request = stalled.getOutputStream();
            request.write(("GET /api/sse/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + token(tenant, "sup1") + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            InputStream response = stalled.getInputStream();
            byte[] head = new byte[12];
            assertThat(response.readNBytes(head, 0, 12)).isEqualTo(12);
            assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            // From here on the stalled client reads nothing.

            int tenantEvents = 0;
            for (int i = 0; i < 400; i++) {
                events.append(
                        tenant.id(),
                        Topic.staff(tenant.sup1Id()),
                        new NotificationCreated(Integer.toString(i), NotificationPriority.INFO, "big", body, "k"));
                if (i % 10 == 0) {
                    events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), null, i));
                    tenantEvents++;
                }
            }

            List<SseClient.Frame> received = healthy.events(tenantEvents, Duration.ofSeconds(30));
            assertThat(received)
                    .extracting(
                            frame -> frame.json().get("data").get("occupancy").asInt())
                    .startsWith(0, 10, 20)
                    .endsWith(390);
            await().atMost(Duration.ofSeconds(30)).until(() -> hub.openStreams(tenant.id(), tenant.sup1Id()) == 0);
            assertThat(metrics.overflowCloses()).isGreaterThan(overflowsBefore);
        }
        assertThat(hub.openStreams(tenant.id(), tenant.sup2Id())).isLessThanOrEqualTo(1);
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
