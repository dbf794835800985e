package app.roomwatch.server.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roomwatch.model.event.EventEnvelope;
import app.roomwatch.model.event.NotificationCreated;
import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.model.event.RoomOccupancyChanged;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StreamConnectionTests {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    final Frames frames = new Frames(JsonMapper.builder().build());
    final StreamMetrics metrics = new StreamMetrics(new SimpleMeterRegistry());
    final BufferSink sink = new BufferSink();
    final StreamConnection connection =
            new StreamConnection(1, new Scope(1, "5", false, Set.of("42")), "s", Instant.MAX, 3, sink);

    @Test
    void writesRetryAndConnectedThenLiveEventsSkippingThoseAtOrBeforeItsCursor() throws Exception {
        connection.offer(event(5, 1, 1));
        connection.offer(event(9, 1, 2));
        connection.start(new StreamConnection.Opening(new Cursor(7, 0), new Cursor(7, 0), Optional.empty()), writing());

        await().atMost(Duration.ofSeconds(5)).until(() -> sink.text().contains("id: 9-1"));
        assertThat(sink.text())
                .startsWith("retry: 2000\n\nevent: connected\ndata: {\"topics\":[\"tenant\",\"staff:5\","
                        + "\"active-group:42\"],\"cursor\":\"7-0\"}\n\n")
                .doesNotContain("5-1")
                .contains("id: 9-1\nevent: room_occupancy\ndata: {\"id\":\"9-1\",");
        connection.close("test", false);
        assertThat(sink.closed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void refusesEventsBeyondItsQueueSoThatTheHubNeverWaits() {
        assertThat(connection.offer(event(1, 1, 1))).isTrue();
        assertThat(connection.offer(event(1, 2, 2))).isTrue();
        assertThat(connection.offer(event(1, 3, 3))).isTrue();
        assertThat(connection.offer(event(1, 4, 4))).isFalse();
        connection.close("overflow", true);
        assertThat(connection.offer(event(1, 5, 5))).isFalse();
    }

    @Test
    void aWriteThatWaitsCountsAsStalledButASlowClientThatKeepsTakingDataDoesNot() throws Exception {
        var slow = new PacedSink(Duration.ofMillis(50));
        var paced = new StreamConnection(2, new Scope(1, "5", false, Set.of("42")), "s", Instant.MAX, 3, slow);
        paced.offer(bigEvent(9, 1, 12 * StreamConnection.SLICE));
        paced.start(new StreamConnection.Opening(new Cursor(7, 0), new Cursor(7, 0), Optional.empty()), writing());
        // Thirteen slices at 50 ms each: the whole write takes longer than the limit, no slice does.
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < until && slow.written() < 12 * StreamConnection.SLICE) {
            assertThat(paced.writeStalled(System.nanoTime(), Duration.ofMillis(400)))
                    .isFalse();
            Thread.sleep(5);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> slow.written() > 12 * StreamConnection.SLICE);

        slow.freeze();
        paced.offer(bigEvent(9, 2, 100));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> paced.writeStalled(System.nanoTime(), Duration.ofMillis(400)));
        paced.abort("stalled");
        await().atMost(Duration.ofSeconds(5)).until(slow::aborted);
    }

    /** Takes each write after a pause, or, once frozen, never until aborted. */
    private static final class PacedSink implements FrameSink {
        private final Duration pause;
        private volatile long written;
        private volatile boolean frozen;
        private final java.util.concurrent.CountDownLatch abort = new java.util.concurrent.CountDownLatch(1);

        PacedSink(Duration pause) {
            this.pause = pause;
        }

        @Override
        public void write(byte[] frames) throws java.io.IOException {
            try {
                if (frozen ? abort.await(10, TimeUnit.SECONDS) : abort.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new java.io.IOException("aborted");
                }
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            }
            written += frames.length;
        }

        long written() {
            return written;
        }

        void freeze() {
            frozen = true;
        }

        boolean aborted() {
            return abort.getCount() == 0;
        }

        @Override
        public void abort() {
            abort.countDown();
        }

        @Override
        public void close() {}
    }

    private StoredEvent bigEvent(long tx, long id, int size) {
        var cursor = new Cursor(tx, id);
        var envelope = new EventEnvelope(
                cursor.toString(),
                1,
                "staff:5",
                NOW,
                new NotificationCreated("n" + id, NotificationPriority.INFO, "big", "x".repeat(size), "k"));
        return new StoredEvent(cursor, 1, envelope, frames.event(envelope));
    }

    private StoredEvent event(long tx, long id, int occupancy) {
        var cursor = new Cursor(tx, id);
        var envelope =
                new EventEnvelope(cursor.toString(), 1, "tenant", NOW, new RoomOccupancyChanged("3", null, occupancy));
        return new StoredEvent(cursor, 1, envelope, frames.event(envelope));
    }

    private StreamConnection.Writing writing() {
        return new StreamConnection.Writing(
                frames, null, metrics, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(2), 10, c -> {});
    }
}
