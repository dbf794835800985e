package app.roomwatch.model.event;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * One event of the durable log as it travels on the stream and in {@code GET /api/events}: its cursor, where it
 * belongs, when it happened and what it says. The JSON field {@code type} is taken from the payload (and, being
 * an external type id, is written after {@code data}; JSON readers do not care about the order).
 *
 * @param id the cursor: opaque, increasing along a stream, resumable with {@code Last-Event-ID}
 * @param version the payload's schema version (1 for every type today)
 * @param topic who may see it: {@code tenant}, {@code staff:{id}} or {@code active-group:{id}}
 * @param emittedAt when the change it reports was committed
 * @param data what happened
 */
public record EventEnvelope(
        String id,
        @JsonProperty(required = true) int version,
        String topic,
        Instant emittedAt,

        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "type")
        EventPayload data) {

    /** The schema version every payload type has today. */
    public static final int CURRENT_VERSION = 1;

    public EventEnvelope {
        requiredText(id, "id");
        if (version < 1) {
            throw new IllegalArgumentException("'version' must be 1 or more, was " + version);
        }
        requiredText(topic, "topic");
        required(emittedAt, "emittedAt");
        required(data, "data");
    }

    /** The wire name of the event type, e.g. {@code student_checkin}. */
    @JsonIgnore
    public String type() {
        return data.type();
    }
}
