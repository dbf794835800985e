package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

import java.time.Instant;

/**
 * One readable line of the activity feed ({@code GET /api/activity}).
 *
 * @param id the cursor of the event it describes; page back with {@code ?before=id}
 * @param type the event type it describes, e.g. {@code student_checkin}
 * @param text what happened, in words, e.g. "Mia K. checked in to Painting (Room 2)"
 */
public record ActivityEntry(String id, String type, Instant occurredAt, String text) {

    public ActivityEntry {
        requiredText(id, "id");
        requiredText(type, "type");
        required(occurredAt, "occurredAt");
        requiredText(text, "text");
    }
}
