package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredList;
import static app.roomwatch.model.Fields.requiredText;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** One running activity of {@code GET /api/active/groups}. */
public record ActiveGroupView(
        String id,
        String name,
        String roomId,
        String roomName,
        Instant startedAt,
        List<Person> supervisors,
        @JsonProperty(required = true) boolean supervisedByMe) {

    public ActiveGroupView {
        requiredText(id, "id");
        requiredText(name, "name");
        requiredText(roomId, "roomId");
        requiredText(roomName, "roomName");
        required(startedAt, "startedAt");
        supervisors = requiredList(supervisors, "supervisors");
    }
}
