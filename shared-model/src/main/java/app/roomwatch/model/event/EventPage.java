package app.roomwatch.model.event;

import static app.roomwatch.model.Fields.requiredList;
import static app.roomwatch.model.Fields.requiredText;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer of {@code GET /api/events?after=}: the polling fallback's view of the stream.
 *
 * @param events the events after the asked cursor, in cursor order, within the caller's scope
 * @param cursor where to continue from (the last event's id, or the asked cursor when there were none)
 * @param reset true when the asked cursor can not be resumed: reload everything, then continue from {@code cursor}
 */
public record EventPage(
        List<EventEnvelope> events,
        String cursor,
        @JsonProperty(required = true) boolean reset) {

    public EventPage {
        events = requiredList(events, "events");
        requiredText(cursor, "cursor");
    }
}
