package app.roomwatch.server.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roomwatch.model.event.EventEnvelope;
import app.roomwatch.model.event.NotificationCreated;
import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.model.event.Ping;
import app.roomwatch.model.event.RoomOccupancyChanged;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
        connection.close("test");
        assertThat(sink.closed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void refusesEventsBeyondItsQueueSoThatTheHubNeverWaits() {
        assertThat(connection.offer(event(1, 1, 1))).isTrue();
        assertThat(connection.offer(event(1, 2, 2))).isTrue();
        assertThat(connection.offer(event(1, 3, 3))).isTrue();
        assertThat(connection.offer(event(1, 4, 4))).isFalse();
        connection.close("overflow");
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

    @Test
    void switchingBetweenDirectAndQueuedWritingLosesRepeatsAndReordersNothing() throws Exception {
        var sink = new JitterySink();
        var switching =
                new StreamConnection(3, new Scope(1, "5", false, Set.of("42")), "s", Instant.MAX, 100_000, sink);
        switching.start(new StreamConnection.Opening(new Cursor(7, 0), new Cursor(7, 0), Optional.empty()), writing());
        int count = 20_000;
        for (int i = 1; i <= count; i++) {
            // Slow at first (most writes stay pending for a while), then fast: the stream goes from queued to
            // direct writing and back many times, while a ping now and then joins the same order.
            sink.pendingChance = i < count / 2 ? 0.9 : 0.05;
            assertThat(switching.offer(event(10 + i, 1, i))).isTrue();
            if (i % 1_000 == 0) {
                switching.ping(frames.control(new Ping(Instant.now())));
            }
            if (i % 2_000 == 0) {
                assertThat(switching.offer(event(10 + i, 1, i))).as("a repeat").isTrue();
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.ids().size() >= count);

        List<Long> expected =
                java.util.stream.LongStream.rangeClosed(11, 10 + count).boxed().toList();
        assertThat(sink.ids()).containsExactlyElementsOf(expected);
        assertThat(sink.text()).contains("event: ping");
        assertThat(metrics.directDeliveries()).as("written directly").isPositive();
        assertThat(metrics.deliveries() - metrics.directDeliveries())
                .as("written from the queue")
                .isPositive();
        assertThat(metrics.deliveries()).isEqualTo(count);
        assertThat(switching.isClosed()).isFalse();
    }

    /**
     * Takes every write at once into its buffer (the order of writes is the order on the wire) but, by chance, reports
     * it as still going out and calls back a moment later from another thread.
     */
    private static final class JitterySink implements FrameSink {
        private final java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        private volatile Output output;
        volatile double pendingChance;
        private boolean pending;

        @Override
        public void open(Output output) {
            this.output = output;
            output.writable();
        }

        @Override
        public synchronized boolean write(byte[] frames) {
            if (pending) {
                throw new IllegalStateException("written while the last write was still going out");
            }
            written.writeBytes(frames);
            if (java.util.concurrent.ThreadLocalRandom.current().nextDouble() >= pendingChance) {
                return true;
            }
            pending = true;
            Thread.ofVirtual().start(() -> {
                java.util.concurrent.locks.LockSupport.parkNanos(
                        java.util.concurrent.ThreadLocalRandom.current().nextLong(200_000));
                synchronized (this) {
                    pending = false;
                }
                output.writable();
            });
            return false;
        }

        synchronized String text() {
            return written.toString(java.nio.charset.StandardCharsets.UTF_8);
        }

        /** The transaction part of every event id written, in order. */
        List<Long> ids() {
            return text().lines()
                    .filter(line -> line.startsWith("id: "))
                    .map(line -> Long.parseLong(line.substring(4, line.indexOf('-'))))
                    .toList();
        }

        @Override
        public void close() {}
    }

    /**
     * Takes each write after a pause, the way a non-blocking output does when the client's socket is full: the write
     * returns at once as pending and the output calls back once it has gone out. Once frozen, a write never goes out
     * until the sink is aborted.
     */
    private static final class PacedSink implements FrameSink {
        private final Duration pause;
        private volatile Output output;
        private volatile long written;
        private volatile boolean frozen;
        private final java.util.concurrent.CountDownLatch abort = new java.util.concurrent.CountDownLatch(1);

        PacedSink(Duration pause) {
            this.pause = pause;
        }

        @Override
        public void open(Output output) {
            this.output = output;
            output.writable();
        }

        @Override
        public boolean write(byte[] frames) throws java.io.IOException {
            if (aborted()) {
                throw new java.io.IOException("aborted");
            }
            boolean frozenNow = frozen;
            Thread.ofVirtual().start(() -> {
                try {
                    if (frozenNow
                            ? abort.await(10, TimeUnit.SECONDS)
                            : abort.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                        output.failed(new java.io.IOException("aborted"));
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                }
                written += frames.length;
                output.writable();
            });
            return false;
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
