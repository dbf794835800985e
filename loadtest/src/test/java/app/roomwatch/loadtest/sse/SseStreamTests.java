package app.roomwatch.loadtest.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roomwatch.loadtest.testing.SseTestServer;
import java.net.http.HttpClient;
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
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<SseFrame> frames = new CopyOnWriteArrayList<>();
    private final AtomicInteger ended = new AtomicInteger();

    SseStreamTests() throws Exception {}

    @AfterEach
    void stop() {
        server.close();
        client.shutdownNow();
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
                    public void frame(SseStream stream, SseFrame frame, long receivedMicros) {
                        frames.add(frame);
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
    void aStreamTheServerClosesIsReportedAsEnded() throws Exception {
        SseStream stream = stream();
        stream.connect().get(10, TimeUnit.SECONDS);

        server.closeAll();

        await().atMost(Duration.ofSeconds(10)).until(() -> ended.get() == 1);
        assertThat(stream.isLive()).isFalse();
        assertThat(stream.ends()).isEqualTo(1);
    }
}
