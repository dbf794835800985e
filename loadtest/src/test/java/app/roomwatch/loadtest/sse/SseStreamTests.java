package app.roomwatch.loadtest.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roomwatch.loadtest.testing.SseTestServer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SseStreamTests {

    private final SseTestServer server = new SseTestServer();
    private final SseClient client = new SseClient(1, "test-reader");
    private final List<SseFrame> frames = new CopyOnWriteArrayList<>();
    private final List<Long> emittedAt = new CopyOnWriteArrayList<>();
    private final AtomicInteger ended = new AtomicInteger();

    SseStreamTests() throws Exception {}

    @AfterEach
    void stop() {
        server.close();
        client.close();
    }

    private SseStream stream() {
        return new SseStream(
                0,
                client,
                last -> {
                    var builder = HttpRequest.newBuilder(server.base().resolve("/sub"));
                    if (last != null) {
                        builder.header("Last-Event-ID", last);
                    }
                    return builder.build();
                },
                "connected",
                new SseStream.Listener() {
                    @Override
                    public void frame(SseStream stream, SseEvent event, long receivedMicros) {
                        frames.add(event.toFrame());
                        emittedAt.add(event.emittedAtMicros());
                    }

                    @Override
                    public void ended(SseStream stream) {
                        ended.incrementAndGet();
                    }
                });
    }

    @Test
    void isLiveAfterTheReadyFrameAndReceivesWhatIsBroadcast() throws Exception {
        SseStream stream = stream();

        assertThat(stream.connect().get(10, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(stream.isLive()).isTrue();
        server.broadcast();
        server.broadcast();

        await().atMost(Duration.ofSeconds(10)).until(() -> frames.size() == 3);
        assertThat(frames).extracting(SseFrame::event).containsExactly("connected", "room_occupancy", "room_occupancy");
        assertThat(stream.lastEventId()).isEqualTo("1-2");
    }

    @Test
    void reconnectResumesWithTheLastEventIdAndIsNotCountedAsAnEnd() throws Exception {
        SseStream stream = stream();
        stream.connect().get(10, TimeUnit.SECONDS);
        server.broadcast();
        await().atMost(Duration.ofSeconds(10)).until(() -> "1-1".equals(stream.lastEventId()));

        assertThat(stream.reconnect().get(10, TimeUnit.SECONDS)).isEqualTo(200);

        assertThat(server.lastEventIds()).containsExactly("", "1-1");
        assertThat(ended.get()).isZero();
    }

    @Test
    void framesSplitAcrossChunksAndSeveralInOneChunkAllArriveWhole() throws Exception {
        SseStream stream = stream();
        stream.connect().get(10, TimeUnit.SECONDS);
        String first = server.nextFrame();
        String second = server.nextFrame();
        String third = server.nextFrame();
        int inEmittedAt = first.indexOf("emittedAt") + 14;

        // Each piece is a chunk of its own: one ends inside a field name, one inside the timestamp, one ends on the
        // CR of a CRLF pair, one holds the end of a frame and two whole frames.
        server.broadcastPieces(
                first.substring(0, 5),
                first.substring(5, inEmittedAt),
                first.substring(inEmittedAt) + second.replace("\n", "\r\n").substring(0, 8),
                second.replace("\n", "\r\n").substring(8, 9),
                second.replace("\n", "\r\n").substring(9) + ": a comment\n\n" + third);

        await().atMost(Duration.ofSeconds(10)).until(() -> frames.size() == 4);
        assertThat(frames).extracting(SseFrame::id).containsExactly(null, "1-1", "1-2", "1-3");
        assertThat(frames).extracting(SseFrame::event).containsOnly("connected", "room_occupancy");
        assertThat(frames.get(2).data()).startsWith("{\"emittedAt\":").endsWith(",\"n\":2}");
        assertThat(emittedAt.subList(1, 4))
                .allSatisfy(micros -> assertThat(micros)
                        .isBetween(
                                app.roomwatch.loadtest.measure.EmittedAt.nowMicros() - 60_000_000L,
                                app.roomwatch.loadtest.measure.EmittedAt.nowMicros()));
        assertThat(stream.lastEventId()).isEqualTo("1-3");
    }

    @Test
    void aRefusedStreamAnswersItsStatusAndEnds() throws Exception {
        SseStream stream = new SseStream(
                0,
                client,
                last -> HttpRequest.newBuilder(server.base().resolve("/missing"))
                        .build(),
                "connected",
                new SseStream.Listener() {
                    @Override
                    public void frame(SseStream s, SseEvent event, long receivedMicros) {
                        frames.add(event.toFrame());
                    }

                    @Override
                    public void ended(SseStream s) {
                        ended.incrementAndGet();
                    }
                });

        assertThat(stream.connect().get(10, TimeUnit.SECONDS)).isEqualTo(404);

        await().atMost(Duration.ofSeconds(10)).until(() -> ended.get() == 1);
        assertThat(stream.lastStatus()).isEqualTo(404);
        assertThat(stream.isLive()).isFalse();
        assertThat(frames).isEmpty();
    }

    @Test
    void aConnectionNobodyAcceptsFailsAndIsReportedAsEndedOnce() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SseStream stream = new SseStream(
                0,
                client,
                last -> HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + closedPort + "/sub"))
                        .build(),
                "connected",
                new SseStream.Listener() {
                    @Override
                    public void frame(SseStream s, SseEvent event, long receivedMicros) {}

                    @Override
                    public void ended(SseStream s) {
                        ended.incrementAndGet();
                    }
                });

        assertThat(stream.connect().get(10, TimeUnit.SECONDS)).isEqualTo(-1);

        await().atMost(Duration.ofSeconds(10)).until(() -> ended.get() == 1);
        assertThat(stream.ends()).isEqualTo(1);
        assertThat(stream.isLive()).isFalse();
    }

    @Test
    void aStreamTheServerClosesIsReportedAsEnded() throws Exception {
        SseStream stream = stream();
        stream.connect().get(10, TimeUnit.SECONDS);

        server.closeAll();

        await().atMost(Duration.ofSeconds(10)).until(() -> ended.get() == 1);
        assertThat(stream.isLive()).isFalse();
        assertThat(stream.ends()).isEqualTo(1);
    }
}
