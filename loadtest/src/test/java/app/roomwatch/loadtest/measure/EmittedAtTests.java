package app.roomwatch.loadtest.measure;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.loadtest.target.Json;
import app.roomwatch.model.event.EventEnvelope;
import app.roomwatch.model.event.RoomOccupancyChanged;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EmittedAtTests {

    @Test
    void readsTheEnvelopeTheServerWrites() {
        Instant emitted = Instant.parse("2026-11-22T10:00:00.123456Z");
        var envelope = new EventEnvelope("5-9", 1, "tenant", emitted, new RoomOccupancyChanged("3", "42", 7));

        String json = Json.MAPPER.writeValueAsString(envelope);

        assertThat(EmittedAt.micros(json)).isEqualTo(EmittedAt.toMicros(emitted));
    }

    @Test
    void answersMinusOneWithoutAReadableField() {
        assertThat(EmittedAt.micros("{\"data\":{}}")).isEqualTo(-1);
        assertThat(EmittedAt.micros("{\"emittedAt\":\"yesterday\"}")).isEqualTo(-1);
    }
}
