package app.roomwatch.model.api.admin;

import static app.roomwatch.model.Fields.requiredText;

/** An after-school group as admins manage it ({@code /api/admin/groups}). */
public record GroupRecord(String id, String name) {
    public GroupRecord {
        requiredText(id, "id");
        requiredText(name, "name");
    }
}
