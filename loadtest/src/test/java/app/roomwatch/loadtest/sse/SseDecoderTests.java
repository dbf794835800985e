package app.roomwatch.loadtest.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseDecoderTests {

    private final List<SseFrame> frames = new ArrayList<>();
    private final List<Integer> statuses = new ArrayList<>();
    private final SseDecoder decoder = newDecoder();

    private SseDecoder newDecoder() {
        return new SseDecoder(new SseDecoder.Sink() {
            @Override
            public void status(int status) {
                statuses.add(status);
            }

            @Override
            public void frame(SseEvent event) {
                frames.add(event.toFrame());
            }
        });
    }

    private static final String EVENTS = "retry: 1000\n\nevent: connected\ndata: {}\n\n"
            + "id: 12-40\nevent: room_occupancy\ndata: {\"emittedAt\":\"2026-11-30T20:17:28.210444Z\"}\n\n"
            + ": ping\n\ndata: one\ndata: two\n\nid: 13-1\r\nevent: a\r\ndata: x\r\n\r\n";

    private static final List<SseFrame> EXPECTED = List.of(
            new SseFrame(null, "connected", "{}"),
            new SseFrame("12-40", "room_occupancy", "{\"emittedAt\":\"2026-11-30T20:17:28.210444Z\"}"),
            new SseFrame(null, "message", "one\ntwo"),
            new SseFrame("13-1", "a", "x"));

    /** The events in chunks of the given sizes, with a chunk extension on the first, then the last chunk. */
    private static byte[] chunked(int... sizes) {
        byte[] body = EVENTS.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(
                "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: Chunked\r\n\r\n");
        int at = 0;
        for (int i = 0; at < body.length; i++) {
            int n = Math.min(sizes[i % sizes.length], body.length - at);
            out.append(Integer.toHexString(n)).append(i == 0 ? ";x=y" : "").append("\r\n");
            out.append(new String(body, at, n, StandardCharsets.UTF_8)).append("\r\n");
            at += n;
        }
        return out.append("0\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsEveryFrameWhereverTheReadsSplitTheChunksAndTheirHeaders() {
        byte[] response = chunked(7, 50, 1, 300);
        for (int split = 1; split < response.length; split++) {
            frames.clear();
            statuses.clear();
            SseDecoder fresh = newDecoder();

            boolean open = fresh.feed(response, 0, split);
            boolean after = open && fresh.feed(response, split, response.length);

            assertThat(frames).as("split at %d", split).isEqualTo(EXPECTED);
            assertThat(statuses).containsExactly(200);
            assertThat(after).as("the last chunk ends the response").isFalse();
        }
    }

    @Test
    void readsByteByByteAndManyFramesInOneChunk() {
        byte[] response = chunked(10_000);
        for (int i = 0; i < response.length; i++) {
            decoder.feed(response, i, i + 1);
        }

        assertThat(frames).isEqualTo(EXPECTED);
    }

    @Test
    void readsABodyThatIsNotChunked() {
        byte[] response = ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n" + EVENTS)
                .getBytes(StandardCharsets.UTF_8);

        assertThat(decoder.feed(response, 0, response.length)).isTrue();

        assertThat(frames).isEqualTo(EXPECTED);
    }

    @Test
    void aRefusalEndsTheResponseAtItsHeaders() {
        byte[] response =
                "HTTP/1.1 429 Too Many Requests\r\nContent-Length: 5\r\n\r\nslow!".getBytes(StandardCharsets.UTF_8);

        assertThat(decoder.feed(response, 0, response.length)).isFalse();

        assertThat(statuses).containsExactly(429);
        assertThat(frames).isEmpty();
    }

    @Test
    void readsARoomwatchCursorAndTheEmittedAtWithoutStrings() {
        List<long[]> cursors = new ArrayList<>();
        List<Long> emitted = new ArrayList<>();
        var reading = new SseDecoder(new SseDecoder.Sink() {
            @Override
            public void status(int status) {}

            @Override
            public void frame(SseEvent event) {
                long[] cursor = {-1, -1};
                event.cursor(cursor);
                cursors.add(cursor);
                emitted.add(event.emittedAtMicros());
            }
        });
        byte[] response = ("HTTP/1.1 200 OK\r\n\r\n" + EVENTS).getBytes(StandardCharsets.UTF_8);

        reading.feed(response, 0, response.length);

        assertThat(cursors.get(1)).containsExactly(12, 40);
        assertThat(cursors.get(3)).containsExactly(13, 1);
        assertThat(cursors.get(0)).containsExactly(-1, -1);
        assertThat(emitted.get(1))
                .isEqualTo(app.roomwatch.loadtest.measure.EmittedAt.toMicros(
                        java.time.Instant.parse("2026-11-30T20:17:28.210444Z")));
        assertThat(emitted.get(0)).isEqualTo(-1);
    }
}
