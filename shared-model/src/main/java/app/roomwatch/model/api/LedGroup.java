package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.requiredText;

/** An after-school group its caller leads ({@code GET /api/groups/mine}). */
public record LedGroup(String id, String name) {

    public LedGroup {
        requiredText(id, "id");
        requiredText(name, "name");
    }
}
