package app.roomwatch.server.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roomwatch.model.event.EventEnvelope;
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
