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
    void readsTheBytesAsInstantParseReadsTheString() {
        for (String text : java.util.List.of(
                "2026-11-30T20:17:28Z",
                "2026-11-30T20:17:28.2Z",
                "2026-11-30T20:17:28.210444Z",
                "2026-11-30T20:17:28.210444368Z",
                "2024-02-29T23:59:59.999999Z",
                "2000-01-01T00:00:00Z",
                "1969-12-31T23:59:59.5Z",
                "2026-11-30T21:17:28.210444+01:00")) {
            byte[] json = ("{\"kind\":\"x\",\"emittedAt\":\"" + text + "\",\"data\":{}}")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

            assertThat(EmittedAt.micros(json, 0, json.length))
                    .as(text)
                    .isEqualTo(EmittedAt.toMicros(Instant.parse(text)));
        }
    }

    @Test
    void answersMinusOneWithoutAReadableField() {
        assertThat(EmittedAt.micros("{\"data\":{}}")).isEqualTo(-1);
        assertThat(EmittedAt.micros("{\"emittedAt\":\"yesterday\"}")).isEqualTo(-1);
    }
}
